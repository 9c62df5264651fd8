"""A certificate as a PDF: the project's own HTML template (templates/certificates/certificate.html)
rendered by WeasyPrint with Noto Sans from static/fonts/certificate/, so that Uzbek's ʻ and
Cyrillic print as they are written; the QR code is drawn here as SVG (qrcode), nothing is
fetched from elsewhere."""

import base64
import io
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from samsmu_intl.certificates.models import PLACEHOLDER, CertificateTemplate
from samsmu_intl.content.languages import localized

FONTS = "fonts/certificate"


def qr_code_data_uri(text):
    svg = io.BytesIO()
    qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, border=0).save(svg)
    return "data:image/svg+xml;base64," + base64.b64encode(svg.getvalue()).decode("ascii")


def paragraphs(text, values):
    """The template's text as HTML paragraphs (an empty line between them), each placeholder
    replaced by its value in bold; everything else escaped, as staff typed it."""

    def fill(match):
        name = match.group(1)
        if name not in values:
            return escape(match.group(0))
        css = " certificate__name" if name == "name" else ""
        return format_html('<strong class="placeholder{}">{}</strong>', css, values[name])

    result = []
    for paragraph in text.replace("\r\n", "\n").split("\n\n"):
        if not paragraph.strip():
            continue
        pieces, last = [], 0
        for match in PLACEHOLDER.finditer(paragraph):
            pieces.append(escape(paragraph[last : match.start()]))
            pieces.append(fill(match))
            last = match.end()
        pieces.append(escape(paragraph[last:]))
        result.append(mark_safe("".join(pieces)))  # each piece escaped above
    return result


def _fonts_folder():
    return Path(finders.find(FONTS)).resolve()


def _fetcher():
    """WeasyPrint's fetcher for the certificate: files in the fonts folder and data: URIs (the QR
    code), nothing else: no network, no other file, whatever a template's text says."""
    from weasyprint.urls import URLFetcher

    class OnlyOurFonts(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith("file:"):
                path = Path(url2pathname(urlsplit(url).path)).resolve()
                if path.parent != _fonts_folder():
                    raise ValueError(f"Not fetched for a certificate: {url[:80]}")
            return super().fetch(url, headers)

    return OnlyOurFonts(allowed_protocols=("file", "data"))


def certificate_html(certificate, verify_url, template=None):
    template = template or CertificateTemplate.current()
    language = certificate.language if certificate.language in dict(settings.LANGUAGES) else None
    language = language or settings.LANGUAGE_CODE
    with translation.override(language):
        title = localized(certificate, "event_title", language)
        values = {
            "name": certificate.name,
            "event": str(title),
            "date": certificate.date_text(),
            "length": certificate.length_text(),
        }
        wording = template.wording(language)
        return render_to_string(
            "certificates/certificate.html",
            {
                "certificate": certificate,
                "language": language,
                "wording": wording,
                "paragraphs": paragraphs(wording["body"], values),
                "values": values,
                "verify_url": verify_url,
                "qr_code": qr_code_data_uri(verify_url),
                "fonts": _fonts_folder().as_uri(),
            },
        )


def _weasyprint_html():
    """WeasyPrint's HTML class, imported where a PDF is made (it loads Pango). Importing it sets
    Pillow's process-wide LOAD_TRUNCATED_IMAGES, which would let a worker that has drawn one
    certificate accept half an uploaded photo; the certificate embeds no raster image, so the
    flag goes back to what it was."""
    from PIL import ImageFile

    strict = ImageFile.LOAD_TRUNCATED_IMAGES
    from weasyprint import HTML

    ImageFile.LOAD_TRUNCATED_IMAGES = strict
    return HTML


def certificate_pdf(certificate, verify_url, template=None):
    HTML = _weasyprint_html()

    html = certificate_html(certificate, verify_url, template)
    return HTML(string=html, url_fetcher=_fetcher()).write_pdf()
