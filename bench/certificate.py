"""What one certificate of participation costs to draw (`make bench-certificate`): the PDF of a
certificate in each language, rendered by WeasyPrint as the attendee's download renders it, in
one process and without the database (the certificate and its template are built in memory).
Prints the wall-clock and CPU time per PDF, and its size."""

import datetime
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = int(os.environ.get("BENCH_RUNS") or 20)
NAMES = {"uz": "Gʻulom Oʻrinov", "ru": "Гульнора Рахимова", "en": "Ada Lovelace"}


def main():
    os.environ.setdefault("DJANGO_DEBUG", "true")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samsmu_intl.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.utils import timezone

    from samsmu_intl.certificates.models import Certificate, CertificateTemplate
    from samsmu_intl.certificates.pdf import certificate_pdf

    starts = timezone.now().replace(microsecond=0) - datetime.timedelta(days=1)
    template = CertificateTemplate(signatory_name_uz="N. N. Shavazi")  # the site's own wording
    print(f"WeasyPrint PDF of one certificate, {RUNS} runs per language after 2 to warm up:")
    for language, name in NAMES.items():
        certificate = Certificate(
            code="QE6M8-N0P21",
            name=name,
            language=language,
            event_title_uz="Oʻpka kasalliklari boʻyicha vebinar",
            event_title_ru="Вебинар по болезням лёгких",
            event_title_en="Webinar on lung diseases",
            starts_at=starts,
            ends_at=starts + datetime.timedelta(minutes=90),
        )
        url = f"https://intl.sammu.uz/{language}/certificates/{certificate.code}/"
        for _ in range(2):
            pdf = certificate_pdf(certificate, url, template)
        wall, cpu = [], []
        for _ in range(RUNS):
            started, started_cpu = time.perf_counter(), time.process_time()
            pdf = certificate_pdf(certificate, url, template)
            wall.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
        median_wall, median_cpu = statistics.median(wall), statistics.median(cpu)
        print(
            f"  {language}: median {median_wall:.0f} ms wall, {median_cpu:.0f} ms CPU "
            f"(max {max(wall):.0f} ms wall); {len(pdf) / 1024:.0f} KB"
        )


if __name__ == "__main__":
    main()
