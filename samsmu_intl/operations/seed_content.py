"""Seed content (uz/ru/en) for the Department of International Cooperation pages."""

# The university's names as the glossary writes them; the figures beside the home page's text
# are counted from the published directory, so the text itself names no number of partners.
UNIVERSITY = {
    "university_name": {
        "uz": "Samarqand davlat tibbiyot universiteti",
        "ru": "Самаркандский государственный медицинский университет",
        "en": "Samarkand State Medical University",
    },
    "university_short_name": {"uz": "SamDTU", "ru": "СамГМУ", "en": "SamSMU"},
}

LANDING = {
    "title": {
        "uz": "Xalqaro hamkorlik",
        "ru": "Международное сотрудничество",
        "en": "International cooperation",
    },
    "lead": {
        "uz": (
            "Samarqand davlat tibbiyot universiteti (SamDTU) teng huquqlilik tamoyili asosida "
            "davlat va xalqaro tashkilotlar, xorijiy universitetlar hamda ilmiy markazlar bilan "
            "hamkorlik qiladi. Universitet eshiklari xorijiy abituriyentlar, "
            "talabalar, tadqiqotchilar va oʻqituvchilar uchun ochiq."
        ),
        "ru": (
            "Самаркандский государственный медицинский университет (СамГМУ) на основе равноправия "
            "сотрудничает с государственными и международными организациями, "
            "зарубежными университетами и научными центрами. Университет открыт для абитуриентов, "
            "студентов, исследователей и преподавателей из-за рубежа."
        ),
        "en": (
            "Samarkand State Medical University (SamSMU) cooperates with state and international "
            "organizations, foreign universities and research centers on the principle of "
            "equality. The university is open to applicants, students, researchers "
            "and teachers from abroad."
        ),
    },
    "sections": [
        {
            "heading": {
                "uz": "Xalqaro faoliyat maqsadlari",
                "ru": "Цели международной деятельности",
                "en": "Aims of international activity",
            },
            "body": {
                "uz": (
                    "SamDTUning xalqaro faoliyati universitetni rivojlantirish konsepsiyasiga "
                    "asoslanadi. Ushbu konsepsiya universitetning xalqaro taʼlim makonidagi "
                    "oʻrnini mustahkamlashga qaratilgan.\n\n"
                    "Xalqarolashtirishning asosiy afzalliklari — xorijiy talabalar sonining "
                    "oshishi, xorijiy oliy taʼlim muassasalari va ilmiy-tadqiqot markazlari bilan "
                    "qoʻshma loyihalarning rivojlanishi, xorijiy taʼlim muassasalarida dars "
                    "beradigan tadqiqotchi va oʻqituvchilar sonining koʻpayishi, shuningdek, "
                    "xorijiy oliy taʼlim muassasalari bilan qoʻshma taʼlim dasturlari, jumladan, "
                    "qoʻsh diplom dasturlari sonining ortishidir."
                ),
                "ru": (
                    "Международная деятельность СамГМУ строится на концепции развития "
                    "университета, направленной на укрепление его позиций в международном "
                    "образовательном пространстве.\n\n"
                    "Главные преимущества интернационализации — рост числа иностранных студентов, "
                    "развитие совместных проектов с зарубежными вузами и научными центрами, "
                    "увеличение числа исследователей и преподавателей, ведущих занятия в "
                    "зарубежных учебных заведениях, а также расширение числа совместных "
                    "образовательных программ с зарубежными вузами, в том числе программ двойного "
                    "диплома."
                ),
                "en": (
                    "The international activity of SamSMU is guided by the development concept of "
                    "the university, which aims to strengthen its standing in international "
                    "education.\n\n"
                    "The main benefits of internationalization are a growing number of students "
                    "from abroad, the development of joint projects with foreign higher education "
                    "institutions and research centers, more researchers and teachers teaching at "
                    "foreign institutions, and more joint programs with foreign higher education "
                    "institutions, including double-diploma programs."
                ),
            },
        },
        {
            "heading": {"uz": "Hamkorlar", "ru": "Партнёры", "en": "Partners"},
            "body": {
                "uz": (
                    "SamDTU taʼlim va fan sohasidagi xalqaro hamkorlik ishtirokchilari — davlat va "
                    "xalqaro tashkilotlar, xorijiy universitetlar hamda ilmiy-tadqiqot markazlari "
                    "bilan aloqalarni rivojlantirmoqda. Bu hamkorlik "
                    "teng huquqlilik tamoyiliga asoslanadi.\n\n"
                    "Yevropa, Osiyo, Shimoliy Amerika va MDH universitetlari bilan hamkorlik "
                    "qoʻshma taʼlim dasturlari va akademik mobillik asosida rivojlanmoqda."
                ),
                "ru": (
                    "СамГМУ развивает связи с государственными и международными "
                    "организациями, зарубежными университетами и научными центрами — участниками "
                    "международного сотрудничества в сфере образования и науки. Это сотрудничество "
                    "строится на принципе равноправия.\n\n"
                    "Диалог с университетами Европы, Азии, Северной Америки и СНГ развивается на "
                    "основе совместных образовательных программ и академической мобильности."
                ),
                "en": (
                    "SamSMU maintains relations with state and international "
                    "organizations, foreign universities and research centers engaged in "
                    "international cooperation in education and science. These partnerships are "
                    "built on the principle of equality.\n\n"
                    "The university is developing cooperation with universities in Europe, Asia, "
                    "North America and the CIS through joint programs and academic mobility."
                ),
            },
        },
        {
            "heading": {
                "uz": "Xorijiy mehmonlar",
                "ru": "Зарубежные гости",
                "en": "Visitors from abroad",
            },
            "body": {
                "uz": (
                    "Har yili SamDTUga hamkorlik aloqalarini oʻrnatish, taʼlim olish, malaka "
                    "oshirish va ilmiy konferensiyalarda ishtirok etish maqsadida tashrif "
                    "buyuradigan yuqori malakali xorijiy mutaxassislar, oʻqituvchilar, talabalar "
                    "va tadqiqotchilar soni ortib bormoqda."
                ),
                "ru": (
                    "С каждым годом растёт число высококвалифицированных специалистов, "
                    "преподавателей, студентов и исследователей из-за рубежа, которые приезжают в "
                    "СамГМУ, чтобы наладить сотрудничество, пройти обучение или повышение "
                    "квалификации, принять участие в научных конференциях."
                ),
                "en": (
                    "Every year, a growing number of highly qualified specialists, teachers, "
                    "students and researchers from abroad visit SamSMU to establish cooperation, "
                    "to study, to upgrade their qualifications and to take part in scientific "
                    "conferences."
                ),
            },
        },
        {
            "heading": {
                "uz": "Onlayn tadbirlar va xalqaro aloqalar",
                "ru": "Онлайн-мероприятия и международные контакты",
                "en": "Online events and international contacts",
            },
            "body": {
                "uz": (
                    "Boʻlim xodimlari onlayn seminarlar va vebinarlar tashkil etadi.\n\n"
                    "SamDTU dunyo boʻylab taʼlim va ilmiy markazlar, universitetlar hamda jamoat "
                    "tashkilotlari bilan aloqalar oʻrnatishga tayyor. Universitet eshiklari barcha "
                    "xorijiy abituriyentlar, talabalar, tadqiqotchilar va oʻqituvchilar uchun "
                    "ochiq."
                ),
                "ru": (
                    "Сотрудники отдела организуют онлайн-семинары и вебинары.\n\n"
                    "СамГМУ готов к установлению контактов с образовательными и научными центрами, "
                    "университетами и общественными организациями всего мира. Двери университета "
                    "открыты для всех абитуриентов, студентов, исследователей и преподавателей "
                    "из-за рубежа."
                ),
                "en": (
                    "The staff of the department organize online seminars and webinars.\n\n"
                    "SamSMU is ready to establish contacts with educational and research centers, "
                    "universities and public organizations around the world. The doors of the "
                    "university are open to all applicants, students, researchers and teachers "
                    "from abroad."
                ),
            },
        },
        {
            "heading": {
                "uz": "Konferensiyalar va forumlar",
                "ru": "Конференции и форумы",
                "en": "Conferences and forums",
            },
            "body": {
                "uz": (
                    "Boʻlim xodimlari SamDTU tomonidan tashkil etiladigan ilmiy-amaliy "
                    "konferensiyalarda, shuningdek, boshqa xalqaro konferensiyalarda faol ishtirok "
                    "etadi.\n\n"
                    "2024-yil sentabr oyida boʻlim boshligʻi N. N. Shavazi Yeditepe "
                    "universitetida (Istanbul, Turkiya) boʻlib oʻtgan forumda ishtirok etdi. "
                    "2025-yil aprel oyida boʻlim boshligʻi va assistent F. N. Atayeva Ozarbayjon "
                    "tibbiyot universitetida (Boku, Ozarbayjon) boʻlib oʻtgan konferensiyada "
                    "ishtirok etdilar."
                ),
                "ru": (
                    "Сотрудники отдела активно участвуют в научно-практических конференциях, "
                    "которые организует СамГМУ, а также в других международных конференциях.\n\n"
                    "В сентябре 2024 года начальник отдела Н. Н. Шавази приняла участие в форуме в "
                    "Университете Едитепе (Стамбул, Турция). В апреле 2025 года начальник отдела и "
                    "ассистент Ф. Н. Атаева приняли участие в конференции в Азербайджанском "
                    "медицинском университете (Баку, Азербайджан)."
                ),
                "en": (
                    "The staff of the department take an active part in scientific and practical "
                    "conferences organized by SamSMU, as well as in other international "
                    "conferences.\n\n"
                    "In September 2024, N. N. Shavazi, head of the department, took part in a "
                    "forum at Yeditepe University (Istanbul, Türkiye). In April 2025, the head of "
                    "the department and assistant F. N. Atayeva took part in a conference at "
                    "Azerbaijan Medical University (Baku, Azerbaijan)."
                ),
            },
        },
    ],
}

STAFF = [
    {
        "slug": "shavazi",
        "name": {"uz": "N. N. Shavazi", "ru": "Н. Н. Шавази", "en": "N. N. Shavazi"},
        "position": {
            "uz": "Boʻlim boshligʻi",
            "ru": "Начальник отдела",
            "en": "Head of the department",
        },
    },
    {
        "slug": "atayeva",
        "name": {"uz": "F. N. Atayeva", "ru": "Ф. Н. Атаева", "en": "F. N. Atayeva"},
        "position": {"uz": "Assistent", "ru": "Ассистент", "en": "Assistant"},
    },
]

# Partners named on the seed page: the department's staff took part in a forum and a conference
# there (staff mobility). Nothing more is known, so nothing more is stated.
PARTNERS = [
    {
        "slug": "yeditepe-university",
        "kind": "university",
        "country": "TR",
        "website": "https://yeditepe.edu.tr",
        "cooperation_forms": ["staff-mobility"],
        "name": {
            "uz": "Yeditepe universiteti",
            "ru": "Университет Едитепе",
            "en": "Yeditepe University",
        },
        "city": {"uz": "Istanbul", "ru": "Стамбул", "en": "Istanbul"},
    },
    {
        "slug": "azerbaijan-medical-university",
        "kind": "medical-university",
        "country": "AZ",
        "website": "https://amu.edu.az",
        "cooperation_forms": ["staff-mobility"],
        "name": {
            "uz": "Ozarbayjon tibbiyot universiteti",
            "ru": "Азербайджанский медицинский университет",
            "en": "Azerbaijan Medical University",
        },
        "short_name": {"uz": "ATU", "ru": "АМУ", "en": "AMU"},
        "city": {"uz": "Boku", "ru": "Баку", "en": "Baku"},
    },
]

# The two mobility events of the seed page. Only the month is known, so only the month is shown.
EVENTS = [
    {
        "slug": "forum-yeditepe-university-2024",
        "kind": "staff-mobility",
        "month": (2024, 9),
        "partner": "yeditepe-university",
        "country": "TR",
        "staff": ["shavazi"],
        "title": {
            "uz": "Yeditepe universitetidagi forum",
            "ru": "Форум в Университете Едитепе",
            "en": "Forum at Yeditepe University",
        },
        "summary": {
            "uz": (
                "2024-yil sentabr oyida boʻlim boshligʻi N. N. Shavazi Yeditepe universitetida "
                "(Istanbul, Turkiya) boʻlib oʻtgan forumda ishtirok etdi."
            ),
            "ru": (
                "В сентябре 2024 года начальник отдела Н. Н. Шавази приняла участие в форуме в "
                "Университете Едитепе (Стамбул, Турция)."
            ),
            "en": (
                "In September 2024, N. N. Shavazi, head of the department, took part in a forum "
                "at Yeditepe University (Istanbul, Türkiye)."
            ),
        },
        "city": {"uz": "Istanbul", "ru": "Стамбул", "en": "Istanbul"},
    },
    {
        "slug": "conference-azerbaijan-medical-university-2025",
        "kind": "staff-mobility",
        "month": (2025, 4),
        "partner": "azerbaijan-medical-university",
        "country": "AZ",
        "staff": ["shavazi", "atayeva"],
        "title": {
            "uz": "Ozarbayjon tibbiyot universitetidagi konferensiya",
            "ru": "Конференция в Азербайджанском медицинском университете",
            "en": "Conference at Azerbaijan Medical University",
        },
        "summary": {
            "uz": (
                "2025-yil aprel oyida boʻlim boshligʻi va assistent F. N. Atayeva Ozarbayjon "
                "tibbiyot universitetida (Boku, Ozarbayjon) boʻlib oʻtgan konferensiyada ishtirok "
                "etdilar."
            ),
            "ru": (
                "В апреле 2025 года начальник отдела и ассистент Ф. Н. Атаева приняли участие в "
                "конференции в Азербайджанском медицинском университете (Баку, Азербайджан)."
            ),
            "en": (
                "In April 2025, the head of the department and assistant F. N. Atayeva took part "
                "in a conference at Azerbaijan Medical University (Baku, Azerbaijan)."
            ),
        },
        "city": {"uz": "Boku", "ru": "Баку", "en": "Baku"},
    },
]

# The guide for applicants. The seed page says only that the university is open to applicants
# from abroad and builds joint and double-diploma programs and academic mobility: the guide
# says that, and how this site leads to the rest (programs, their deadlines, the contact form).
# No documents, dates or fees are stated, and there are no questions yet: staff add them.
APPLICANTS = {
    "contact": "shavazi",
    "intro": {
        "uz": (
            "Samarqand davlat tibbiyot universiteti eshiklari xorijiy abituriyentlar, talabalar, "
            "tadqiqotchilar va oʻqituvchilar uchun ochiq. Universitet xorijiy oliy taʼlim "
            "muassasalari bilan qoʻshma taʼlim dasturlari, jumladan, qoʻsh diplom dasturlari va "
            "akademik mobillikni rivojlantirmoqda.\n\n"
            "Xalqaro hamkorlik boʻlimi savollaringizga oʻzbek, rus yoki ingliz tilida javob beradi."
        ),
        "ru": (
            "Самаркандский государственный медицинский университет открыт для абитуриентов, "
            "студентов, исследователей и преподавателей из-за рубежа. Университет развивает "
            "совместные образовательные программы с зарубежными вузами, в том числе программы "
            "двойного диплома, и академическую мобильность.\n\n"
            "Отдел международного сотрудничества отвечает на вопросы на узбекском, русском и "
            "английском языках."
        ),
        "en": (
            "Samarkand State Medical University is open to applicants, students, researchers and "
            "teachers from abroad. The university develops joint programs with foreign higher "
            "education institutions, including double-diploma programs, and academic mobility.\n\n"
            "The Department of International Cooperation answers your questions in Uzbek, Russian "
            "or English."
        ),
    },
    "documents_needed": {
        "uz": "<p>Har bir dastur sahifasida kim ariza topshirishi mumkinligi va qanday ariza "
        "topshirish kerakligi koʻrsatilgan.</p>",
        "ru": "<p>На странице каждой программы указано, кто может подать заявку и как это "
        "сделать.</p>",
        "en": "<p>Each program's page says who may apply and how to apply.</p>",
    },
    "deadlines": {
        "uz": "<p>Har bir dasturning oʻz ariza topshirish muddati bor: u quyidagi ochiq dasturlar "
        "roʻyxatida va dastur sahifasida koʻrsatilgan. Muddati koʻrsatilmagan dasturlarga arizalar "
        "yil davomida qabul qilinadi.</p>",
        "ru": "<p>У каждой программы свой срок подачи заявок: он указан в списке открытых "
        "программ ниже и на странице программы. Программы без срока принимают заявки круглый "
        "год.</p>",
        "en": "<p>Each program has its own application deadline, shown in the list of open "
        "programs below and on the program's page. Programs without a deadline accept "
        "applications all year.</p>",
    },
    "steps": [
        {
            "title": {
                "uz": "Dasturni tanlang",
                "ru": "Выберите программу",
                "en": "Choose a program",
            },
            "text": {
                "uz": "Quyidagi ochiq dasturlarni koʻring: har birining sahifasida kim ariza "
                "topshirishi mumkinligi, qanday ariza topshirish va muddati koʻrsatilgan.",
                "ru": "Посмотрите открытые программы ниже: на странице каждой указано, кто может "
                "подать заявку, как это сделать и до какого срока.",
                "en": "See the open programs below: each one's page says who may apply, how to "
                "apply and by when.",
            },
        },
        {
            "title": {
                "uz": "Savollaringizni yuboring",
                "ru": "Задайте вопросы",
                "en": "Ask your questions",
            },
            "text": {
                "uz": "Bogʻlanish sahifasidagi shakl orqali bizga yozing (mavzu: Qabul); "
                "email orqali javob beramiz.",
                "ru": "Напишите нам через форму на странице «Контакты» (тема: Поступление); мы "
                "ответим по email.",
                "en": "Write to us through the form on the contact page (topic: Admission); we "
                "answer by email.",
            },
        },
        {
            "title": {
                "uz": "Muddatgacha ariza topshiring",
                "ru": "Подайте заявку в срок",
                "en": "Apply before the deadline",
            },
            "text": {
                "uz": "Arizangizni dastur sahifasida koʻrsatilganidek, uning muddati tugaguncha "
                "yuboring.",
                "ru": "Отправьте заявку так, как указано на странице программы, до окончания "
                "срока.",
                "en": "Send your application as the program's page describes, before its deadline.",
            },
        },
    ],
}
