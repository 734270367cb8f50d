"""CPU cost of serving each page in-process, as a multiple of the home page measured in
the same run: a quick check while working on a page, before `make bench`.

    DATABASE_URL=sqlite:////tmp/scale-site/site.sqlite3 MEDIA_ROOT=/tmp/scale-site/media \\
        python bench/page_cost.py [PATH ...]

Production settings, full-page cache off, data cache warm (each path is requested
three times first), so the figure is what a patient's request costs a worker. The
database is only read. This machine's speed changes from minute to minute, so compare
the multiples, not the milliseconds of two runs.
"""

import os
import sys
import time
from pathlib import Path

PATHS = [
    "/",
    "/conditions/",
    "/conditions/?area=neck",
    "/conditions/neck-spasms/",
    "/locations/",
    "/locations/?zip=10001",
    "/locations/midtown/",
    "/search/?q=neck",
    "/search/?q=crick+in+the+neck",
    "/es/afecciones/espasmos-de-cuello/",
]


def main():
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")
    os.environ.setdefault("SECRET_KEY", "page-cost-" + "x" * 40)
    os.environ.setdefault("ALLOWED_HOSTS", "localhost")
    os.environ.update(
        TWO_FACTOR_REQUIRED="false", PAGE_CACHE_SECONDS="0", SECURE_SSL_REDIRECT="false"
    )
    import django

    django.setup()
    from django.db import connection
    from django.test import Client

    client = Client(HTTP_HOST="localhost")
    paths = ["/", *[path for path in sys.argv[1:] if path != "/"]] if sys.argv[1:] else PATHS
    repeat = int(os.environ.get("REPEAT", "30"))
    reference = None
    for path in paths:
        for _ in range(3):
            response = client.get(path)
        queries = []  # counted by a wrapper: each request clears connection.queries

        def count(execute, sql, params, many, context, queries=queries):
            queries.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count):
            client.get(path)
        times = []
        for _ in range(repeat):
            started = time.process_time()
            client.get(path)
            times.append(time.process_time() - started)
        median = sorted(times)[repeat // 2] * 1000
        reference = reference or median
        print(
            f"{path:45} {response.status_code} {len(queries):2} queries "
            f"{len(response.content) // 1024:4} KB  {median:5.1f} ms CPU  "
            f"{median / reference:4.1f}x home"
        )


if __name__ == "__main__":
    main()
