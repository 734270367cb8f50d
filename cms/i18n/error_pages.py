"""The words of the 404 and 500 pages in every site language.

They live here, not in gettext catalogues, because the 500 page must render without
the database, without context processors and even when translations fail to load;
the language comes from the URL prefix alone. Keep one entry per site language
(tests check that every language has every text)."""

from django.utils.translation import get_language_from_path

from cms.i18n.languages import SITE_LANGUAGES, SOURCE_LANGUAGE

TEXTS = {
    "en": {
        "not_found_title": "Page not found",
        "not_found_message": "Sorry, we could not find that page. It may have moved.",
        "search_label": "Search for a condition or clinic",
        "search_button": "Search",
        "or_go_to": "Or go to",
        "home": "Home",
        "conditions": "Conditions we treat",
        "locations": "Our locations",
        "error_title": "Something went wrong",
        "error_message": "We are sorry: this page could not be shown just now. "
        "Please try again in a few minutes.",
        "back_home": "Return to the home page",
    },
    "es": {
        "not_found_title": "Página no encontrada",
        "not_found_message": "Lo sentimos, no pudimos encontrar esa página. "
        "Es posible que se haya movido.",
        "search_label": "Busque una afección o una clínica",
        "search_button": "Buscar",
        "or_go_to": "O vaya a",
        "home": "Inicio",
        "conditions": "Afecciones que tratamos",
        "locations": "Nuestras clínicas",
        "error_title": "Algo salió mal",
        "error_message": "Lo sentimos: no pudimos mostrar esta página en este momento. "
        "Vuelva a intentarlo en unos minutos.",
        "back_home": "Volver a la página de inicio",
    },
    "zh-hans": {
        "not_found_title": "找不到页面",
        "not_found_message": "抱歉，我们找不到该页面。它可能已被移动。",
        "search_label": "搜索病症或诊所",
        "search_button": "搜索",
        "or_go_to": "或前往",
        "home": "首页",
        "conditions": "我们治疗的病症",
        "locations": "我们的诊所",
        "error_title": "出错了",
        "error_message": "很抱歉，目前无法显示此页面。请几分钟后再试。",
        "back_home": "返回首页",
    },
    "zh-hant": {
        "not_found_title": "找不到頁面",
        "not_found_message": "抱歉，我們找不到該頁面。它可能已被移動。",
        "search_label": "搜尋病症或診所",
        "search_button": "搜尋",
        "or_go_to": "或前往",
        "home": "首頁",
        "conditions": "我們治療的病症",
        "locations": "我們的診所",
        "error_title": "出錯了",
        "error_message": "很抱歉，目前無法顯示此頁面。請幾分鐘後再試。",
        "back_home": "返回首頁",
    },
    "ru": {
        "not_found_title": "Страница не найдена",
        "not_found_message": "К сожалению, мы не нашли эту страницу. "
        "Возможно, она была перемещена.",
        "search_label": "Поиск заболевания или клиники",
        "search_button": "Найти",
        "or_go_to": "Или перейдите",
        "home": "Главная",
        "conditions": "Заболевания, которые мы лечим",
        "locations": "Наши клиники",
        "error_title": "Что-то пошло не так",
        "error_message": "Извините, сейчас эту страницу не удалось показать. "
        "Пожалуйста, попробуйте ещё раз через несколько минут.",
        "back_home": "Вернуться на главную страницу",
    },
    "bn": {
        "not_found_title": "পৃষ্ঠাটি পাওয়া যায়নি",
        "not_found_message": "দুঃখিত, আমরা পৃষ্ঠাটি খুঁজে পাইনি। এটি হয়তো সরানো হয়েছে।",
        "search_label": "কোনো রোগ বা ক্লিনিক খুঁজুন",
        "search_button": "খুঁজুন",
        "or_go_to": "অথবা যান",
        "home": "হোম",
        "conditions": "আমরা যেসব সমস্যার চিকিৎসা করি",
        "locations": "আমাদের ক্লিনিকসমূহ",
        "error_title": "কিছু একটা ভুল হয়েছে",
        "error_message": "দুঃখিত: এই মুহূর্তে পৃষ্ঠাটি দেখানো যাচ্ছে না। "
        "অনুগ্রহ করে কয়েক মিনিট পরে আবার চেষ্টা করুন।",
        "back_home": "হোম পেজে ফিরে যান",
    },
    "ht": {
        "not_found_title": "Nou pa jwenn paj la",
        "not_found_message": "Nou regrèt, nou pa t kapab jwenn paj sa a. Petèt yo deplase l.",
        "search_label": "Chèche yon maladi oswa yon klinik",
        "search_button": "Chèche",
        "or_go_to": "Oswa ale nan",
        "home": "Akèy",
        "conditions": "Maladi nou trete",
        "locations": "Klinik nou yo",
        "error_title": "Gen yon bagay ki pa mache",
        "error_message": "Nou regrèt: nou pa ka montre paj sa a kounye a. "
        "Tanpri eseye ankò nan kèk minit.",
        "back_home": "Retounen nan paj akèy la",
    },
    "ko": {
        "not_found_title": "페이지를 찾을 수 없습니다",
        "not_found_message": "죄송합니다. 해당 페이지를 찾을 수 없습니다. "
        "페이지가 이동되었을 수 있습니다.",
        "search_label": "질환 또는 클리닉 검색",
        "search_button": "검색",
        "or_go_to": "또는 다음으로 이동",
        "home": "홈",
        "conditions": "치료하는 질환",
        "locations": "클리닉 위치",
        "error_title": "문제가 발생했습니다",
        "error_message": "죄송합니다. 지금은 이 페이지를 표시할 수 없습니다. "
        "몇 분 후에 다시 시도해 주세요.",
        "back_home": "홈페이지로 돌아가기",
    },
    "ar": {
        "not_found_title": "الصفحة غير موجودة",
        "not_found_message": "عذرًا، لم نتمكن من العثور على هذه الصفحة. ربما تم نقلها.",
        "search_label": "ابحث عن حالة صحية أو عيادة",
        "search_button": "بحث",
        "or_go_to": "أو انتقل إلى",
        "home": "الصفحة الرئيسية",
        "conditions": "الحالات التي نعالجها",
        "locations": "عياداتنا",
        "error_title": "حدث خطأ ما",
        "error_message": "نأسف: تعذّر عرض هذه الصفحة الآن. يُرجى المحاولة مرة أخرى بعد بضع دقائق.",
        "back_home": "العودة إلى الصفحة الرئيسية",
    },
    "ur": {
        "not_found_title": "صفحہ نہیں ملا",
        "not_found_message": "معذرت، ہمیں یہ صفحہ نہیں مل سکا۔ ہو سکتا ہے اسے منتقل کر دیا گیا ہو۔",
        "search_label": "کسی بیماری یا کلینک کو تلاش کریں",
        "search_button": "تلاش کریں",
        "or_go_to": "یا یہاں جائیں",
        "home": "ہوم",
        "conditions": "وہ بیماریاں جن کا ہم علاج کرتے ہیں",
        "locations": "ہمارے کلینک",
        "error_title": "کچھ غلط ہو گیا",
        "error_message": "معذرت: یہ صفحہ ابھی نہیں دکھایا جا سکا۔ "
        "براہ کرم چند منٹ بعد دوبارہ کوشش کریں۔",
        "back_home": "ہوم پیج پر واپس جائیں",
    },
    "fr": {
        "not_found_title": "Page introuvable",
        "not_found_message": "Désolé, nous n’avons pas trouvé cette page. "
        "Elle a peut-être été déplacée.",
        "search_label": "Rechercher une affection ou une clinique",
        "search_button": "Rechercher",
        "or_go_to": "Ou allez à",
        "home": "Accueil",
        "conditions": "Les affections que nous traitons",
        "locations": "Nos cliniques",
        "error_title": "Un problème est survenu",
        "error_message": "Nous sommes désolés : cette page ne peut pas s’afficher pour le moment. "
        "Veuillez réessayer dans quelques minutes.",
        "back_home": "Retour à la page d’accueil",
    },
    "pl": {
        "not_found_title": "Nie znaleziono strony",
        "not_found_message": "Przepraszamy, nie udało się znaleźć tej strony. "
        "Mogła zostać przeniesiona.",
        "search_label": "Wyszukaj schorzenie lub placówkę",
        "search_button": "Szukaj",
        "or_go_to": "Lub przejdź do",
        "home": "Strona główna",
        "conditions": "Schorzenia, które leczymy",
        "locations": "Nasze placówki",
        "error_title": "Coś poszło nie tak",
        "error_message": "Przepraszamy: nie można teraz wyświetlić tej strony. "
        "Spróbuj ponownie za kilka minut.",
        "back_home": "Wróć na stronę główną",
    },
}

_RTL = {code for code, _name, _local, rtl in SITE_LANGUAGES if rtl}


def language_for_path(path):
    """The site language a URL path is in: its language prefix, else English. Reads
    settings only (no database)."""
    code = get_language_from_path(path or "/")
    return code if code in TEXTS else SOURCE_LANGUAGE


def context_for(code):
    """Template context for an error page in language `code`."""
    code = code if code in TEXTS else SOURCE_LANGUAGE
    # English is served without a language prefix (cms/urls.py).
    home = "/" if code == SOURCE_LANGUAGE else f"/{code}/"
    return {
        "lang": code,
        "dir": "rtl" if code in _RTL else "ltr",
        "texts": TEXTS[code],
        "home_url": home,
    }
