"""`{% kept spec "name" %}…{% hole %}…{% endhole %}…{% endkept %}`: the block rendered
once and kept in the data cache under `spec` (a cms.caching.fragments.Kept: key and
dependencies), its holes rendered on every request (cms/caching/fragments.py). With
no spec (a preview) the block renders as usual. Holes sit directly in the block (not
in a loop or an included template): each is rendered once, in the block's context."""

from django import template

from cms.caching.fragments import Holes, fill
from cms.caching.page_cache import cached_data

register = template.Library()

_BUILDING = "kept_html_holes"  # the context key set while a kept block is rendered


class HoleNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist
        self.name = ""

    def render(self, context):
        holes = context.get(_BUILDING)
        if holes is not None:
            return holes.mark(self.name)
        return self.nodelist.render(context)


class KeptNode(template.Node):
    def __init__(self, nodelist, spec, name):
        self.nodelist, self.spec, self.name = nodelist, spec, name
        self.holes = {}
        for number, node in enumerate(nodelist.get_nodes_by_type(HoleNode)):
            node.name = f"hole{number}"
            self.holes[node.name] = node

    def render(self, context):
        spec = self.spec.resolve(context)
        if not spec:  # None (a preview), or no spec in the context
            return self.nodelist.render(context)

        def build():
            holes = Holes()
            with context.push({_BUILDING: holes}):
                parts = holes.split(self.nodelist.render(context))
            names = parts[1::2]
            if len(set(names)) != len(names):
                raise template.TemplateSyntaxError("{% hole %} inside a loop of {% kept %}")
            return parts

        key = f"{spec.key}:{self.name.resolve(context)}"
        parts = cached_data(context.get("request"), key, build, depends_on=spec.depends_on)
        values = {name: self.holes[name].nodelist.render(context) for name in parts[1::2]}
        return fill(parts, values)


@register.tag("kept")
def do_kept(parser, token):
    bits = token.split_contents()
    if len(bits) != 3:
        raise template.TemplateSyntaxError('Usage: {% kept spec "name" %}…{% endkept %}')
    nodelist = parser.parse(("endkept",))
    parser.delete_first_token()
    return KeptNode(nodelist, parser.compile_filter(bits[1]), parser.compile_filter(bits[2]))


@register.tag("hole")
def do_hole(parser, token):
    nodelist = parser.parse(("endhole",))
    parser.delete_first_token()
    return HoleNode(nodelist)
