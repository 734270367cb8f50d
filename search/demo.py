"""The demo's lay terms (sample rows for marketing to extend)."""

from wagtail.models import Locale

LAY_TERMS = {
    "en": [
        ("crick in the neck", "neck spasms", False),
        ("stiff neck", "neck spasms", False),
        ("sciatica", "pinched nerve in the back", True),
        ("slipped disc", "herniated disc", False),
        ("bad back", "low back pain", False),
        ("heel pain", "plantar fasciitis", False),
        ("clicking jaw", "TMJ disorder", False),
    ],
    "es": [
        ("tortícolis", "espasmos de cuello", False),
        ("cuello tieso", "espasmos de cuello", False),
        ("calambre en el cuello", "espasmos de cuello", False),
    ],
    "zh-hans": [("落枕", "颈部痉挛", False)],
    "ar": [("شد عضلي في الرقبة", "تشنجات الرقبة", False)],
}


def load():
    """Create the rows once (idempotent)."""
    from search.models import LayTerm

    for code, rows in LAY_TERMS.items():
        locale = Locale.objects.filter(language_code=code).first()
        if locale is None:
            continue
        for patient, page, both_ways in rows:
            LayTerm.objects.get_or_create(
                locale=locale,
                patient_words=patient,
                defaults={"page_words": page, "both_ways": both_ways},
            )
