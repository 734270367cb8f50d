"""Words a query can do without: articles, prepositions and the like, which every page
has and which would otherwise have to match too ("the neck" = "neck"). Dropped from
queries only (never when nothing else is left), and compared after folding."""

STOPWORDS = {
    "en": "a an the of in on at to for with and or my is are it its i me have has do does "
    "how what when why can",
    "es": "el la los las un una unos unas de del al en con por para y o mi mis es son que "
    "como me tengo",
    "fr": "le la les l un une des de du d au aux en et ou a avec pour par mon ma mes est "
    "j je me qu que",
    "ht": "la a yo nan ak pou mwen gen se ki",
    "pl": "w we z ze na do i o a u od po mnie mam jest sie",
    "ru": "в во на с со и а о у к по от для не мне меня у",
    "ar": "في من على الى عن و مع",
    "ur": "میں کا کی کے سے پر اور کو",
}
STOPWORDS = {language: set(words.split()) for language, words in STOPWORDS.items()}
