from modeltranslation.translator import TranslationOptions, register

from samsmu_intl.certificates.models import CertificateTemplate


@register(CertificateTemplate)
class CertificateTemplateTranslation(TranslationOptions):
    fields = ("heading", "body", "signatory_name", "signatory_position")
