"""World regions used to group partner institutions on the site.

The grouping follows how international relations are seen from Samarkand, not a UN geoscheme:

* The former Soviet states that a Central Asian university still calls "the CIS" (Armenia,
  Azerbaijan, Belarus, Kazakhstan, Kyrgyzstan, Moldova, Russia, Tajikistan, Turkmenistan and
  Uzbekistan) form their own region. Georgia and Ukraine, which left the CIS, are in Europe.
* Europe follows the European Higher Education Area rather than strict geography, so Türkiye
  and Cyprus are European.
* The Middle East is the Arabian Peninsula, the Levant, Iraq and Iran. Egypt and the rest of
  North Africa are in Africa.
* Afghanistan, Pakistan, Mongolia and South, East and South-East Asia are in Asia.
* North America means the United States, Canada, Greenland, Bermuda and Saint Pierre and
  Miquelon. Mexico, Central America, the Caribbean and South America are Latin America.
* Oceania is Australia, New Zealand and the Pacific islands. Antarctica and remote southern
  territories go to the nearest sensible region; see the comments next to them.

Every ISO 3166-1 alpha-2 code known to django-countries is mapped.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Region(models.TextChoices):
    EUROPE = "europe", _("Europe")
    ASIA = "asia", _("Asia")
    NORTH_AMERICA = "north-america", _("North America")
    CIS = "cis", _("CIS")
    MIDDLE_EAST = "middle-east", _("Middle East")
    AFRICA = "africa", _("Africa")
    OCEANIA = "oceania", _("Oceania")
    LATIN_AMERICA = "latin-america", _("Latin America")


REGION_BY_COUNTRY: dict[str, str] = {
    # Europe
    "AD": Region.EUROPE,  # Andorra
    "AL": Region.EUROPE,  # Albania
    "AT": Region.EUROPE,  # Austria
    "AX": Region.EUROPE,  # Åland Islands
    "BA": Region.EUROPE,  # Bosnia and Herzegovina
    "BE": Region.EUROPE,  # Belgium
    "BG": Region.EUROPE,  # Bulgaria
    "CH": Region.EUROPE,  # Switzerland
    "CY": Region.EUROPE,  # Cyprus (an EU member state)
    "CZ": Region.EUROPE,  # Czechia
    "DE": Region.EUROPE,  # Germany
    "DK": Region.EUROPE,  # Denmark
    "EE": Region.EUROPE,  # Estonia
    "ES": Region.EUROPE,  # Spain
    "FI": Region.EUROPE,  # Finland
    "FO": Region.EUROPE,  # Faroe Islands
    "FR": Region.EUROPE,  # France
    "GB": Region.EUROPE,  # United Kingdom
    "GE": Region.EUROPE,  # Georgia (left the CIS in 2009)
    "GG": Region.EUROPE,  # Guernsey
    "GI": Region.EUROPE,  # Gibraltar
    "GR": Region.EUROPE,  # Greece
    "HR": Region.EUROPE,  # Croatia
    "HU": Region.EUROPE,  # Hungary
    "IE": Region.EUROPE,  # Ireland
    "IM": Region.EUROPE,  # Isle of Man
    "IS": Region.EUROPE,  # Iceland
    "IT": Region.EUROPE,  # Italy
    "JE": Region.EUROPE,  # Jersey
    "LI": Region.EUROPE,  # Liechtenstein
    "LT": Region.EUROPE,  # Lithuania
    "LU": Region.EUROPE,  # Luxembourg
    "LV": Region.EUROPE,  # Latvia
    "MC": Region.EUROPE,  # Monaco
    "ME": Region.EUROPE,  # Montenegro
    "MK": Region.EUROPE,  # North Macedonia
    "MT": Region.EUROPE,  # Malta
    "NL": Region.EUROPE,  # Netherlands
    "NO": Region.EUROPE,  # Norway
    "PL": Region.EUROPE,  # Poland
    "PT": Region.EUROPE,  # Portugal
    "RO": Region.EUROPE,  # Romania
    "RS": Region.EUROPE,  # Serbia
    "SE": Region.EUROPE,  # Sweden
    "SI": Region.EUROPE,  # Slovenia
    "SJ": Region.EUROPE,  # Svalbard and Jan Mayen
    "SK": Region.EUROPE,  # Slovakia
    "SM": Region.EUROPE,  # San Marino
    # Türkiye straddles Europe and Asia (Istanbul), takes part in Erasmus+ and belongs to the
    # European Higher Education Area, so its universities are listed with European partners.
    "TR": Region.EUROPE,  # Türkiye
    "UA": Region.EUROPE,  # Ukraine (no longer takes part in the CIS)
    "VA": Region.EUROPE,  # Holy See
    # CIS
    "AM": Region.CIS,  # Armenia
    "AZ": Region.CIS,  # Azerbaijan
    "BY": Region.CIS,  # Belarus
    "KG": Region.CIS,  # Kyrgyzstan
    "KZ": Region.CIS,  # Kazakhstan
    "MD": Region.CIS,  # Moldova
    "RU": Region.CIS,  # Russia
    "TJ": Region.CIS,  # Tajikistan
    "TM": Region.CIS,  # Turkmenistan
    "UZ": Region.CIS,  # Uzbekistan
    # Middle East
    "AE": Region.MIDDLE_EAST,  # United Arab Emirates
    "BH": Region.MIDDLE_EAST,  # Bahrain
    "IL": Region.MIDDLE_EAST,  # Israel
    "IQ": Region.MIDDLE_EAST,  # Iraq
    "IR": Region.MIDDLE_EAST,  # Iran
    "JO": Region.MIDDLE_EAST,  # Jordan
    "KW": Region.MIDDLE_EAST,  # Kuwait
    "LB": Region.MIDDLE_EAST,  # Lebanon
    "OM": Region.MIDDLE_EAST,  # Oman
    "PS": Region.MIDDLE_EAST,  # Palestine
    "QA": Region.MIDDLE_EAST,  # Qatar
    "SA": Region.MIDDLE_EAST,  # Saudi Arabia
    "SY": Region.MIDDLE_EAST,  # Syria
    "YE": Region.MIDDLE_EAST,  # Yemen
    # Asia
    "AF": Region.ASIA,  # Afghanistan
    "BD": Region.ASIA,  # Bangladesh
    "BN": Region.ASIA,  # Brunei
    "BT": Region.ASIA,  # Bhutan
    "CN": Region.ASIA,  # China
    "HK": Region.ASIA,  # Hong Kong
    "ID": Region.ASIA,  # Indonesia
    "IN": Region.ASIA,  # India
    "IO": Region.ASIA,  # British Indian Ocean Territory (Chagos, south of the Maldives)
    "JP": Region.ASIA,  # Japan
    "KH": Region.ASIA,  # Cambodia
    "KP": Region.ASIA,  # North Korea
    "KR": Region.ASIA,  # South Korea
    "LA": Region.ASIA,  # Laos
    "LK": Region.ASIA,  # Sri Lanka
    "MM": Region.ASIA,  # Myanmar
    "MN": Region.ASIA,  # Mongolia
    "MO": Region.ASIA,  # Macao
    "MV": Region.ASIA,  # Maldives
    "MY": Region.ASIA,  # Malaysia
    "NP": Region.ASIA,  # Nepal
    "PH": Region.ASIA,  # Philippines
    "PK": Region.ASIA,  # Pakistan
    "SG": Region.ASIA,  # Singapore
    "TH": Region.ASIA,  # Thailand
    "TL": Region.ASIA,  # Timor-Leste
    "TW": Region.ASIA,  # Taiwan
    "VN": Region.ASIA,  # Vietnam
    # Africa, including Egypt and the rest of North Africa
    "AO": Region.AFRICA,  # Angola
    "BF": Region.AFRICA,  # Burkina Faso
    "BI": Region.AFRICA,  # Burundi
    "BJ": Region.AFRICA,  # Benin
    # Uninhabited Norwegian island in the South Atlantic; South Africa is the nearest land.
    "BV": Region.AFRICA,  # Bouvet Island
    "BW": Region.AFRICA,  # Botswana
    "CD": Region.AFRICA,  # Congo (Democratic Republic)
    "CF": Region.AFRICA,  # Central African Republic
    "CG": Region.AFRICA,  # Congo
    "CI": Region.AFRICA,  # Côte d'Ivoire
    "CM": Region.AFRICA,  # Cameroon
    "CV": Region.AFRICA,  # Cabo Verde
    "DJ": Region.AFRICA,  # Djibouti
    "DZ": Region.AFRICA,  # Algeria
    "EG": Region.AFRICA,  # Egypt
    "EH": Region.AFRICA,  # Western Sahara
    "ER": Region.AFRICA,  # Eritrea
    "ET": Region.AFRICA,  # Ethiopia
    "GA": Region.AFRICA,  # Gabon
    "GH": Region.AFRICA,  # Ghana
    "GM": Region.AFRICA,  # Gambia
    "GN": Region.AFRICA,  # Guinea
    "GQ": Region.AFRICA,  # Equatorial Guinea
    "GW": Region.AFRICA,  # Guinea-Bissau
    "KE": Region.AFRICA,  # Kenya
    "KM": Region.AFRICA,  # Comoros
    "LR": Region.AFRICA,  # Liberia
    "LS": Region.AFRICA,  # Lesotho
    "LY": Region.AFRICA,  # Libya
    "MA": Region.AFRICA,  # Morocco
    "MG": Region.AFRICA,  # Madagascar
    "ML": Region.AFRICA,  # Mali
    "MR": Region.AFRICA,  # Mauritania
    "MU": Region.AFRICA,  # Mauritius
    "MW": Region.AFRICA,  # Malawi
    "MZ": Region.AFRICA,  # Mozambique
    "NA": Region.AFRICA,  # Namibia
    "NE": Region.AFRICA,  # Niger
    "NG": Region.AFRICA,  # Nigeria
    "RE": Region.AFRICA,  # Réunion
    "RW": Region.AFRICA,  # Rwanda
    "SC": Region.AFRICA,  # Seychelles
    "SD": Region.AFRICA,  # Sudan
    "SH": Region.AFRICA,  # Saint Helena, Ascension and Tristan da Cunha (South Atlantic)
    "SL": Region.AFRICA,  # Sierra Leone
    "SN": Region.AFRICA,  # Senegal
    "SO": Region.AFRICA,  # Somalia
    "SS": Region.AFRICA,  # South Sudan
    "ST": Region.AFRICA,  # Sao Tome and Principe
    "SZ": Region.AFRICA,  # Eswatini
    "TD": Region.AFRICA,  # Chad
    # Kerguelen, Crozet, Amsterdam and the Scattered Islands around Madagascar; administered
    # from Réunion, so grouped with it.
    "TF": Region.AFRICA,  # French Southern Territories
    "TG": Region.AFRICA,  # Togo
    "TN": Region.AFRICA,  # Tunisia
    "TZ": Region.AFRICA,  # Tanzania
    "UG": Region.AFRICA,  # Uganda
    "YT": Region.AFRICA,  # Mayotte
    "ZA": Region.AFRICA,  # South Africa
    "ZM": Region.AFRICA,  # Zambia
    "ZW": Region.AFRICA,  # Zimbabwe
    # North America
    "BM": Region.NORTH_AMERICA,  # Bermuda
    "CA": Region.NORTH_AMERICA,  # Canada
    "GL": Region.NORTH_AMERICA,  # Greenland
    "PM": Region.NORTH_AMERICA,  # Saint Pierre and Miquelon
    "US": Region.NORTH_AMERICA,  # United States
    # Latin America: Mexico, Central America, the Caribbean and South America
    "AG": Region.LATIN_AMERICA,  # Antigua and Barbuda
    "AI": Region.LATIN_AMERICA,  # Anguilla
    "AR": Region.LATIN_AMERICA,  # Argentina
    "AW": Region.LATIN_AMERICA,  # Aruba
    "BB": Region.LATIN_AMERICA,  # Barbados
    "BL": Region.LATIN_AMERICA,  # Saint Barthélemy
    "BO": Region.LATIN_AMERICA,  # Bolivia
    "BQ": Region.LATIN_AMERICA,  # Bonaire, Sint Eustatius and Saba
    "BR": Region.LATIN_AMERICA,  # Brazil
    "BS": Region.LATIN_AMERICA,  # Bahamas
    "BZ": Region.LATIN_AMERICA,  # Belize
    "CL": Region.LATIN_AMERICA,  # Chile
    "CO": Region.LATIN_AMERICA,  # Colombia
    "CR": Region.LATIN_AMERICA,  # Costa Rica
    "CU": Region.LATIN_AMERICA,  # Cuba
    "CW": Region.LATIN_AMERICA,  # Curaçao
    "DM": Region.LATIN_AMERICA,  # Dominica
    "DO": Region.LATIN_AMERICA,  # Dominican Republic
    "EC": Region.LATIN_AMERICA,  # Ecuador
    "FK": Region.LATIN_AMERICA,  # Falkland Islands, off Argentina
    "GD": Region.LATIN_AMERICA,  # Grenada
    "GF": Region.LATIN_AMERICA,  # French Guiana
    "GP": Region.LATIN_AMERICA,  # Guadeloupe
    # Remote sub-Antarctic islands in the South Atlantic; nearest land is South America.
    "GS": Region.LATIN_AMERICA,  # South Georgia and the South Sandwich Islands
    "GT": Region.LATIN_AMERICA,  # Guatemala
    "GY": Region.LATIN_AMERICA,  # Guyana
    "HN": Region.LATIN_AMERICA,  # Honduras
    "HT": Region.LATIN_AMERICA,  # Haiti
    "JM": Region.LATIN_AMERICA,  # Jamaica
    "KN": Region.LATIN_AMERICA,  # Saint Kitts and Nevis
    "KY": Region.LATIN_AMERICA,  # Cayman Islands
    "LC": Region.LATIN_AMERICA,  # Saint Lucia
    "MF": Region.LATIN_AMERICA,  # Saint Martin (French part)
    "MQ": Region.LATIN_AMERICA,  # Martinique
    "MS": Region.LATIN_AMERICA,  # Montserrat
    "MX": Region.LATIN_AMERICA,  # Mexico
    "NI": Region.LATIN_AMERICA,  # Nicaragua
    "PA": Region.LATIN_AMERICA,  # Panama
    "PE": Region.LATIN_AMERICA,  # Peru
    "PR": Region.LATIN_AMERICA,  # Puerto Rico (Caribbean, although a US territory)
    "PY": Region.LATIN_AMERICA,  # Paraguay
    "SR": Region.LATIN_AMERICA,  # Suriname
    "SV": Region.LATIN_AMERICA,  # El Salvador
    "SX": Region.LATIN_AMERICA,  # Sint Maarten (Dutch part)
    "TC": Region.LATIN_AMERICA,  # Turks and Caicos Islands
    "TT": Region.LATIN_AMERICA,  # Trinidad and Tobago
    "UY": Region.LATIN_AMERICA,  # Uruguay
    "VC": Region.LATIN_AMERICA,  # Saint Vincent and the Grenadines
    "VE": Region.LATIN_AMERICA,  # Venezuela
    "VG": Region.LATIN_AMERICA,  # British Virgin Islands
    "VI": Region.LATIN_AMERICA,  # US Virgin Islands (Caribbean, although a US territory)
    # Oceania
    # No region fits Antarctica; its research links run mostly through Australia and New
    # Zealand (Hobart, Christchurch), so it sits with Oceania.
    "AQ": Region.OCEANIA,  # Antarctica
    "AS": Region.OCEANIA,  # American Samoa
    "AU": Region.OCEANIA,  # Australia
    "CC": Region.OCEANIA,  # Cocos (Keeling) Islands (Australian external territory)
    "CK": Region.OCEANIA,  # Cook Islands
    "CX": Region.OCEANIA,  # Christmas Island (Australian external territory)
    "FJ": Region.OCEANIA,  # Fiji
    "FM": Region.OCEANIA,  # Micronesia
    "GU": Region.OCEANIA,  # Guam
    "HM": Region.OCEANIA,  # Heard Island and McDonald Islands (sub-Antarctic, Australian)
    "KI": Region.OCEANIA,  # Kiribati
    "MH": Region.OCEANIA,  # Marshall Islands
    "MP": Region.OCEANIA,  # Northern Mariana Islands
    "NC": Region.OCEANIA,  # New Caledonia
    "NF": Region.OCEANIA,  # Norfolk Island
    "NR": Region.OCEANIA,  # Nauru
    "NU": Region.OCEANIA,  # Niue
    "NZ": Region.OCEANIA,  # New Zealand
    "PF": Region.OCEANIA,  # French Polynesia
    "PG": Region.OCEANIA,  # Papua New Guinea
    "PN": Region.OCEANIA,  # Pitcairn
    "PW": Region.OCEANIA,  # Palau
    "SB": Region.OCEANIA,  # Solomon Islands
    "TK": Region.OCEANIA,  # Tokelau
    "TO": Region.OCEANIA,  # Tonga
    "TV": Region.OCEANIA,  # Tuvalu
    # Wake, Midway, Johnston, Palmyra and the other Pacific atolls (plus tiny Navassa in the
    # Caribbean); almost all of it is in the Pacific.
    "UM": Region.OCEANIA,  # United States Minor Outlying Islands
    "VU": Region.OCEANIA,  # Vanuatu
    "WF": Region.OCEANIA,  # Wallis and Futuna
    "WS": Region.OCEANIA,  # Samoa
}


def region_for_country(code) -> str:
    """Return the Region value for an alpha-2 country code, or "" if it is unknown or empty.

    Accepts a plain string in any case, or a django-countries ``Country`` object.
    """
    if not code:
        return ""
    return REGION_BY_COUNTRY.get(str(code).strip().upper(), "")
