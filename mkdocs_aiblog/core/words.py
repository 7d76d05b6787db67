"""Every word a reader sees, in the site's language, and localized dates.

One table per language; a language missing a key falls back to English, and
`mkdocs.yml` can override any key through the plugin's `words` option.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Final

from babel.core import Locale, UnknownLocaleError
from babel.dates import format_date

from mkdocs_aiblog.core.text import shown

ENGLISH: Final[dict[str, str]] = {
    "byline.by": "By",
    "byline.published": "Published",
    "byline.updated": "Updated",
    "byline.readtime": "{minutes} min read",
    "byline.categories": "Categories",
    "byline.tags": "Tags",
    "draft": "Draft",
    "popular.title": "Popular posts from this blog",
    "full_story.title": "Explore the full story",
    "full_story.text": "Curious to dive deeper? The original article has the whole story.",
    "full_story.button": "Read the full article",
    "full_story.source": "on {source}",
    "nav.newer": "Newer post",
    "nav.older": "Older post",
    "nav.label": "More posts",
    "series.part": "Part {part} of {parts} in {series}",
    "series.label": "Parts of this series",
    "series.previous": "Previous in this series",
    "series.next": "Next in this series",
    "related.title": "Related posts",
    "list.title": "Latest posts",
    "list.newer": "Newer posts",
    "list.older": "Older posts",
    "list.page": "Page {page} of {pages}",
    "list.empty": "No posts yet.",
    "list.label": "Pages of posts",
    "archive.title": "Archive",
    "archive.undated": "Undated",
    "share.title": "Share this post",
    "share.on": "Share on {network}",
    "share.email": "Share by e-mail",
    "share.copy": "Copy link",
    "comments.title": "Comments",
    "comments.button": "Show comments from {provider}",
    "comments.notice": "Loading them connects your browser to {host}.",
    "comments.discussions": "Read and write the comments on GitHub",
    "comments.noscript": "Comments need JavaScript.",
}

FIELDS: Final[dict[str, frozenset[str]]] = {
    "byline.readtime": frozenset({"minutes"}),
    "full_story.source": frozenset({"source"}),
    "list.page": frozenset({"page", "pages"}),
    "share.on": frozenset({"network"}),
    "comments.button": frozenset({"provider"}),
    "comments.notice": frozenset({"host"}),
    "series.part": frozenset({"part", "parts", "series"}),
}
"""The `{name}` fields each word may hold; every other word holds none."""

TRANSLATIONS: Final[dict[str, dict[str, str]]] = {
    "de": {
        "byline.by": "Von",
        "byline.published": "Veröffentlicht",
        "byline.updated": "Aktualisiert",
        "byline.readtime": "{minutes} Min. Lesezeit",
        "byline.categories": "Kategorien",
        "byline.tags": "Schlagwörter",
        "draft": "Entwurf",
        "popular.title": "Beliebte Beiträge aus diesem Blog",
        "full_story.title": "Die ganze Geschichte",
        "full_story.text": "Neugierig auf mehr? Der Originalartikel erzählt die ganze Geschichte.",
        "full_story.button": "Den ganzen Artikel lesen",
        "full_story.source": "auf {source}",
        "nav.newer": "Neuerer Beitrag",
        "nav.older": "Älterer Beitrag",
        "nav.label": "Weitere Beiträge",
        "series.part": "Teil {part} von {parts} der Reihe {series}",
        "series.label": "Teile dieser Reihe",
        "series.previous": "Voriger Teil der Reihe",
        "series.next": "Nächster Teil der Reihe",
        "related.title": "Ähnliche Beiträge",
        "list.title": "Neueste Beiträge",
        "list.newer": "Neuere Beiträge",
        "list.older": "Ältere Beiträge",
        "list.page": "Seite {page} von {pages}",
        "list.empty": "Noch keine Beiträge.",
        "list.label": "Seiten der Beiträge",
        "archive.title": "Archiv",
        "archive.undated": "Ohne Datum",
        "share.title": "Beitrag teilen",
        "share.on": "Auf {network} teilen",
        "share.email": "Per E-Mail teilen",
        "share.copy": "Link kopieren",
        "comments.title": "Kommentare",
        "comments.button": "Kommentare von {provider} anzeigen",
        "comments.notice": "Dabei verbindet sich Ihr Browser mit {host}.",
        "comments.discussions": "Kommentare auf GitHub lesen und schreiben",
        "comments.noscript": "Kommentare brauchen JavaScript.",
    },
    "fr": {
        "byline.by": "Par",
        "byline.published": "Publié",
        "byline.updated": "Mis à jour",
        "byline.readtime": "{minutes} min de lecture",
        "byline.categories": "Catégories",
        "byline.tags": "Mots-clés",
        "draft": "Brouillon",
        "popular.title": "Articles populaires de ce blog",
        "full_story.title": "Toute l'histoire",
        "full_story.text": "Envie d'en savoir plus ? L'article original raconte toute l'histoire.",
        "full_story.button": "Lire l'article complet",
        "full_story.source": "sur {source}",
        "nav.newer": "Article suivant",
        "nav.older": "Article précédent",
        "nav.label": "Autres articles",
        "series.part": "Partie {part} sur {parts} de la série {series}",
        "series.label": "Parties de cette série",
        "series.previous": "Partie précédente de la série",
        "series.next": "Partie suivante de la série",
        "related.title": "Articles similaires",
        "list.title": "Derniers articles",
        "list.newer": "Articles plus récents",
        "list.older": "Articles plus anciens",
        "list.page": "Page {page} sur {pages}",
        "list.empty": "Aucun article pour l'instant.",
        "list.label": "Pages des articles",
        "archive.title": "Archives",
        "archive.undated": "Sans date",
        "share.title": "Partager cet article",
        "share.on": "Partager sur {network}",
        "share.email": "Partager par e-mail",
        "share.copy": "Copier le lien",
        "comments.title": "Commentaires",
        "comments.button": "Afficher les commentaires de {provider}",
        "comments.notice": "Votre navigateur se connectera alors à {host}.",
        "comments.discussions": "Lire et écrire les commentaires sur GitHub",
        "comments.noscript": "Les commentaires nécessitent JavaScript.",
    },
    "es": {
        "byline.by": "Por",
        "byline.published": "Publicado",
        "byline.updated": "Actualizado",
        "byline.readtime": "{minutes} min de lectura",
        "byline.categories": "Categorías",
        "byline.tags": "Etiquetas",
        "draft": "Borrador",
        "popular.title": "Entradas populares de este blog",
        "full_story.title": "La historia completa",
        "full_story.text": "¿Quieres saber más? El artículo original cuenta toda la historia.",
        "full_story.button": "Leer el artículo completo",
        "full_story.source": "en {source}",
        "nav.newer": "Entrada más reciente",
        "nav.older": "Entrada anterior",
        "nav.label": "Más entradas",
        "series.part": "Parte {part} de {parts} de la serie {series}",
        "series.label": "Partes de esta serie",
        "series.previous": "Anterior en esta serie",
        "series.next": "Siguiente en esta serie",
        "related.title": "Entradas relacionadas",
        "list.title": "Últimas entradas",
        "list.newer": "Entradas más recientes",
        "list.older": "Entradas anteriores",
        "list.page": "Página {page} de {pages}",
        "list.empty": "Todavía no hay entradas.",
        "list.label": "Páginas de entradas",
        "archive.title": "Archivo",
        "archive.undated": "Sin fecha",
        "share.title": "Compartir esta entrada",
        "share.on": "Compartir en {network}",
        "share.email": "Compartir por correo electrónico",
        "share.copy": "Copiar el enlace",
        "comments.title": "Comentarios",
        "comments.button": "Mostrar los comentarios de {provider}",
        "comments.notice": "Tu navegador se conectará entonces a {host}.",
        "comments.discussions": "Leer y escribir los comentarios en GitHub",
        "comments.noscript": "Los comentarios necesitan JavaScript.",
    },
    "ja": {
        "byline.by": "著者",
        "byline.published": "公開",
        "byline.updated": "更新",
        "byline.readtime": "{minutes}分で読めます",
        "byline.categories": "カテゴリー",
        "byline.tags": "タグ",
        "draft": "下書き",
        "popular.title": "このブログの人気記事",
        "full_story.title": "記事の全文を読む",
        "full_story.text": "もっと詳しく知りたい方は、元の記事をご覧ください。",
        "full_story.button": "記事の全文を読む",
        "full_story.source": "{source}で",
        "nav.newer": "次の記事",
        "nav.older": "前の記事",
        "nav.label": "その他の記事",
        "series.part": "シリーズ「{series}」全{parts}回の第{part}回",
        "series.label": "このシリーズの記事",
        "series.previous": "シリーズの前の記事",
        "series.next": "シリーズの次の記事",
        "related.title": "関連記事",
        "list.title": "最新の記事",
        "list.newer": "新しい記事",
        "list.older": "古い記事",
        "list.page": "{pages}ページ中{page}ページ",
        "list.empty": "まだ記事はありません。",
        "list.label": "記事一覧のページ",
        "archive.title": "アーカイブ",
        "archive.undated": "日付なし",
        "share.title": "この記事を共有",
        "share.on": "{network}で共有",
        "share.email": "メールで共有",
        "share.copy": "リンクをコピー",
        "comments.title": "コメント",
        "comments.button": "{provider}のコメントを表示",
        "comments.notice": "表示するとブラウザが{host}に接続します。",
        "comments.discussions": "GitHubでコメントを読む・書く",
        "comments.noscript": "コメントの表示にはJavaScriptが必要です。",
    },
    "ar": {
        "byline.by": "بقلم",
        "byline.published": "نُشر",
        "byline.updated": "حُدّث",
        "byline.readtime": "قراءة في {minutes} دقيقة",
        "byline.categories": "التصنيفات",
        "byline.tags": "الوسوم",
        "draft": "مسودة",
        "popular.title": "المقالات الأكثر قراءة في هذه المدونة",
        "full_story.title": "اكتشف القصة كاملة",
        "full_story.text": "هل تريد معرفة المزيد؟ المقال الأصلي يروي القصة كاملة.",
        "full_story.button": "اقرأ المقال كاملاً",
        "full_story.source": "على {source}",
        "nav.newer": "مقال أحدث",
        "nav.older": "مقال أقدم",
        "nav.label": "مقالات أخرى",
        "series.part": "الجزء {part} من {parts} في سلسلة {series}",
        "series.label": "أجزاء هذه السلسلة",
        "series.previous": "السابق في هذه السلسلة",
        "series.next": "التالي في هذه السلسلة",
        "related.title": "مقالات ذات صلة",
        "list.title": "أحدث المقالات",
        "list.newer": "مقالات أحدث",
        "list.older": "مقالات أقدم",
        "list.page": "الصفحة {page} من {pages}",
        "list.empty": "لا توجد مقالات بعد.",
        "list.label": "صفحات المقالات",
        "archive.title": "الأرشيف",
        "archive.undated": "بدون تاريخ",
        "share.title": "شارك هذا المقال",
        "share.on": "شارك على {network}",
        "share.email": "شارك عبر البريد الإلكتروني",
        "share.copy": "انسخ الرابط",
        "comments.title": "التعليقات",
        "comments.button": "عرض التعليقات من {provider}",
        "comments.notice": "سيتصل متصفحك عندها بـ {host}.",
        "comments.discussions": "اقرأ التعليقات واكتبها على GitHub",
        "comments.noscript": "تتطلب التعليقات JavaScript.",
    },
}


def words(language: str | None, overrides: dict[str, str] | None = None) -> dict[str, str]:
    """Give the word table for a language, English where a word is missing.

    Args:
        language: `theme.language`, e.g. `de` or `pt-BR` (the region is ignored
            when there is no table for it).
        overrides: words set in `mkdocs.yml`, which win over every table.
    """
    table = dict(ENGLISH)
    code = (language or "en").replace("_", "-")
    table.update(TRANSLATIONS.get(code.split("-")[0].lower(), {}))
    table.update(TRANSLATIONS.get(code.lower(), {}))
    table.update(overrides or {})
    return table


def site_words(language: str | None, overrides: dict[str, str]) -> tuple[dict[str, str], list[str]]:
    """Give a site's words (its language, its `mkdocs.yml` overrides) and one problem per bad one.

    An override that names no word is a likely typo; one with a field other than
    the documented ones is left out, and the default word is shown.
    """
    problems = [
        f"mkdocs.yml: aiblog: words: {shown(key)} is not a word the plugin shows"
        for key in unknown_words(overrides)
    ]
    good, bad = check_words(overrides)
    return words(language, good), problems + bad


def unknown_words(overrides: dict[str, str]) -> list[str]:
    """Give the keys of `overrides` that name no word (a likely typo)."""
    return sorted(key for key in overrides if key not in ENGLISH)


# What a writer means as a field, in Python's grammar: `{`, a name (or none), then
# `.attr`, `[index]`, `!conversion` or `:spec`, closed (`{minutes}`, `{0}`, `{}`,
# `{minutes[0]}`, `{minutes:>9}`) or left open before a space or the end (`{page of`).
# What fits no field is text: a doubled `{`, `{%`, `{#`, `{ x }`, `{: .attr }`,
# `{7*7}`, so a word shows `{{ 7*7 }}` as written (nothing renders it as a template).
_FIELD = re.compile(r"(?<!\{)\{(?P<name>\w*)(?P<rest>[.\[!:][^{}\s]*)?(?:(?P<close>\})|(?=\s|$))")


def _is_bad_field(match: re.Match[str], allowed: frozenset[str]) -> bool:
    if match.group("close"):
        return match.group("rest") is not None or match.group("name") not in allowed
    return bool(match.group("name")) or match.end() == len(match.string)  # `{page of`, `x {`


def check_words(overrides: dict[str, str]) -> tuple[dict[str, str], list[str]]:
    """Give the overrides whose fields are all documented, and one problem per other one.

    A word is text: only the exact `{name}` fields of `FIELDS` are filled in, so an
    override with any other field would show the reader a broken word; it is left
    out (the default word is shown) and named.
    """
    good: dict[str, str] = {}
    problems: list[str] = []
    for key, text in overrides.items():
        if key not in ENGLISH:
            continue  # `unknown_words` names it; it is never shown
        allowed = FIELDS.get(key, frozenset())
        bad = next(
            (match.group(0) for match in _FIELD.finditer(text) if _is_bad_field(match, allowed)),
            None,
        )
        if bad is None:
            good[key] = text
            continue
        names = ", ".join(f"{{{name}}}" for name in sorted(allowed)) or "no field"
        problems.append(
            f"mkdocs.yml: aiblog: words: {key}: {bad!r} is not a field of this word"
            f" (it may hold {names}); the default word is shown"
        )
    return good, problems


_FILLED = re.compile(r"(?<!\{)\{(\w+)\}")


def fill_fields(text: str, values: dict[str, object]) -> str:
    """Give `text` with each `{name}` of `values` replaced; nothing else is formatted."""
    if "{" not in text:
        return text
    return _FILLED.sub(lambda m: str(values[m[1]]) if m[1] in values else m[0], text)


def babel_locale(language: str | None) -> Locale:
    """Give the Babel locale for `theme.language`, English where Babel has none."""
    try:
        return Locale.parse((language or "en").replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return Locale.parse("en")


# The default `long` date in the languages the plugin has words for, as Babel writes
# it (tests/test_i18n.py compares every day of a leap year): Babel's locale data takes
# about 4 MB, a third of what the plugin adds to a build's memory, and most blogs
# show only these dates. Any other language, region or format goes to Babel.
_LONG_DATES: dict[str, tuple[str, tuple[str, ...]]] = {
    "en": (
        "{month} {day}, {year}",
        ("January", "February", "March", "April", "May", "June", "July", "August",
         "September", "October", "November", "December"),
    ),
    "de": (
        "{day}. {month} {year}",
        ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
         "September", "Oktober", "November", "Dezember"),
    ),
    "fr": (
        "{day} {month} {year}",
        ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
         "septembre", "octobre", "novembre", "décembre"),
    ),
    "es": (
        "{day} de {month} de {year}",
        ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
         "septiembre", "octubre", "noviembre", "diciembre"),
    ),
    "ja": ("{year}年{number}月{day}日", ()),
    "ar": (
        "{day} {month} {year}",
        ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس",
         "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"),
    ),
}  # fmt: skip


def localized_date(value: date | datetime, locale: Locale, fmt: str = "long") -> str:
    """Give `value` as the reader's language writes dates (`November 20, 2026`)."""
    day = value.date() if isinstance(value, datetime) else value
    if fmt == "long" and (known := _LONG_DATES.get(str(locale))):
        pattern, months = known
        month = months[day.month - 1] if months else ""
        return pattern.format(day=day.day, month=month, number=day.month, year=day.year)
    try:
        return str(format_date(day, format=fmt, locale=locale))
    except (ValueError, KeyError, AttributeError):
        return str(format_date(day, format="long", locale=locale))


def word(words: dict[str, str], key: str, **values: object) -> str:
    """Give the word `key` of `words`, with `{name}` placeholders filled in."""
    return fill_fields(words.get(key, key), values)
