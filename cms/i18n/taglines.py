"""Section 1557 taglines: one line per language telling patients that free language
help exists (45 CFR 92.11, 2024 rule: English plus at least the 15 most common
non-English languages of the state). Which languages are shown is a site setting
(`SiteSettings.notice_languages`); the default is New York's list, sourced in
docs/languages.md. The texts follow the wording of HHS's sample taglines; `{phone}` is
replaced by the site's main number."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError


@dataclass(frozen=True)
class Tagline:
    code: str  # BCP 47, used for lang=""
    name: str  # English name, for editors
    rtl: bool
    text: str


TAGLINES = {
    tagline.code: tagline
    for tagline in [
        Tagline(
            "en",
            "English",
            False,
            "ATTENTION: Language assistance services, free of charge, are available to "
            "you. Call {phone}.",
        ),
        Tagline(
            "es",
            "Spanish",
            False,
            "ATENCIÓN: Si habla español, tiene a su disposición servicios gratuitos de "
            "asistencia lingüística. Llame al {phone}.",
        ),
        Tagline(
            "zh-hant",
            "Chinese (Traditional)",
            False,
            "注意：如果您使用繁體中文，您可以免費獲得語言援助服務。請致電 {phone}。",
        ),
        Tagline(
            "zh-hans",
            "Chinese (Simplified)",
            False,
            "注意：如果您使用简体中文，您可以免费获得语言援助服务。请致电 {phone}。",
        ),
        Tagline(
            "ru",
            "Russian",
            False,
            "ВНИМАНИЕ: Если вы говорите на русском языке, то вам доступны бесплатные "
            "услуги перевода. Звоните {phone}.",
        ),
        Tagline(
            "yi",
            "Yiddish",
            True,
            "אויפמערקזאם: אויב איר רעדט אידיש, זענען פארהאן פאר אייך שפראך הילף "
            "סערוויסעס פריי פון אפצאל. רופט {phone}.",
        ),
        Tagline(
            "bn",
            "Bengali",
            False,
            "লক্ষ্য করুন: যদি আপনি বাংলা কথা বলেন, তাহলে বিনামূল্যে ভাষা সহায়তা "
            "পরিষেবা আপনার জন্য উপলব্ধ। ফোন করুন {phone}।",
        ),
        Tagline(
            "ko",
            "Korean",
            False,
            "주의: 한국어를 사용하시는 경우, 언어 지원 서비스를 무료로 이용하실 수 "
            "있습니다. {phone} 번으로 전화해 주십시오.",
        ),
        Tagline(
            "ht",
            "Haitian Creole",
            False,
            "ATANSYON: Si w pale Kreyòl Ayisyen, gen sèvis èd pou lang ki disponib gratis "
            "pou ou. Rele {phone}.",
        ),
        Tagline(
            "it",
            "Italian",
            False,
            "ATTENZIONE: Se parla italiano, sono disponibili per lei servizi gratuiti di "
            "assistenza linguistica. Chiami il numero {phone}.",
        ),
        Tagline(
            "ar",
            "Arabic",
            True,
            "ملحوظة: إذا كنت تتحدث العربية، فإن خدمات المساعدة اللغوية تتوافر لك "
            "بالمجان. اتصل برقم {phone}.",
        ),
        Tagline(
            "pl",
            "Polish",
            False,
            "UWAGA: Jeżeli mówisz po polsku, możesz skorzystać z bezpłatnej pomocy "
            "językowej. Zadzwoń pod numer {phone}.",
        ),
        Tagline(
            "fr",
            "French",
            False,
            "ATTENTION : Si vous parlez français, des services d'aide linguistique vous "
            "sont proposés gratuitement. Appelez le {phone}.",
        ),
        Tagline(
            "ur",
            "Urdu",
            True,
            "خبردار: اگر آپ اردو بولتے ہیں، تو آپ کو زبان کی مدد کی خدمات مفت میں "
            "دستیاب ہیں۔ کال کریں {phone}۔",
        ),
        Tagline(
            "tl",
            "Tagalog",
            False,
            "PAUNAWA: Kung nagsasalita ka ng Tagalog, maaari kang gumamit ng mga "
            "serbisyo ng tulong sa wika nang walang bayad. Tumawag sa {phone}.",
        ),
        Tagline(
            "el",
            "Greek",
            False,
            "ΠΡΟΣΟΧΗ: Αν μιλάτε ελληνικά, στη διάθεσή σας βρίσκονται υπηρεσίες "
            "γλωσσικής υποστήριξης, οι οποίες παρέχονται δωρεάν. Καλέστε {phone}.",
        ),
        Tagline(
            "sq",
            "Albanian",
            False,
            "KUJDES: Nëse flitni shqip, për ju ka në dispozicion shërbime të asistencës "
            "gjuhësore, pa pagesë. Telefononi në {phone}.",
        ),
        Tagline(
            "ja",
            "Japanese",
            False,
            "注意事項：日本語を話される場合、無料の言語支援をご利用いただけます。"
            "{phone} まで、お電話にてご連絡ください。",
        ),
        Tagline(
            "hi",
            "Hindi",
            False,
            "ध्यान दें: यदि आप हिंदी बोलते हैं तो आपके लिए मुफ्त में भाषा सहायता सेवाएं "
            "उपलब्ध हैं। {phone} पर कॉल करें।",
        ),
    ]
}

# New York: the twelve languages of the State's Language Access Law plus the next three
# by speakers with limited English (docs/languages.md). Chinese is one language with
# two scripts, shown as two lines.
NEW_YORK = "es,zh-hant,zh-hans,ru,yi,bn,ko,ht,it,ar,pl,fr,ur,tl,el,sq"


def parse(value):
    """The codes of a comma-separated setting, in order, without repeats or blanks."""
    codes = []
    for part in (value or "").split(","):
        code = part.strip().lower()
        if code and code not in codes:
            codes.append(code)
    return codes


def validate_notice_languages(value):
    unknown = [code for code in parse(value) if code not in TAGLINES]
    if unknown:
        known = ", ".join(f"{code} ({TAGLINES[code].name})" for code in TAGLINES)
        raise ValidationError(
            "No notice text for: %(unknown)s. Known: %(known)s.",
            params={"unknown": ", ".join(unknown), "known": known},
        )


def notices(setting_value):
    """The taglines to show: English first, then the setting's languages in order."""
    codes = ["en"] + [code for code in parse(setting_value) if code != "en"]
    return [TAGLINES[code] for code in codes if code in TAGLINES]
