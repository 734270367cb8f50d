"""Small helpers shared by the condition tests."""

from html.parser import HTMLParser


class TextCollector(HTMLParser):
    """Collects the text of <main> (the page content, without header, breadcrumbs and
    footer), the text of each <li> in it and the headings by level."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.in_main = 0
        self.skip = 0
        self.chunks = []
        self.list_items = []
        self.headings = {f"h{level}": [] for level in range(1, 7)}
        self._li_stack = []
        self._heading = None

    def handle_starttag(self, tag, attrs):
        if tag == "main":
            self.in_main += 1
        if tag in ("script", "style"):
            self.skip += 1
        for item in self._li_stack:
            item.append(" ")
        if self.in_main and tag == "li":
            self._li_stack.append([])
        if self.in_main and tag in self.headings:
            self._heading = (tag, [])
        if tag in ("p", "li", "h1", "h2", "h3", "br", "div", "section", "aside", "ul", "ol"):
            self.chunks.append("\n")

    def handle_endtag(self, tag):
        if tag == "main":
            self.in_main -= 1
        if tag in ("script", "style"):
            self.skip -= 1
        if self.in_main and tag == "li" and self._li_stack:
            self.list_items.append(" ".join("".join(self._li_stack.pop()).split()))
        if self._heading and tag == self._heading[0]:
            self.headings[tag].append(" ".join("".join(self._heading[1]).split()))
            self._heading = None
        if tag in ("p", "li", "h1", "h2", "h3", "div"):
            self.chunks.append("\n")

    def handle_data(self, data):
        if not self.in_main or self.skip:
            return
        self.chunks.append(data)
        for item in self._li_stack:
            item.append(data)
        if self._heading:
            self._heading[1].append(data)

    @property
    def text(self):
        return " ".join("".join(self.chunks).split())


def parse(html):
    collector = TextCollector()
    collector.feed(html)
    return collector
