"""gunicorn settings for `gunicorn cms.wsgi:application`; tuned from the environment."""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
# Threads in each worker: a slow request (a search, a cold index) holds one thread,
# not the whole worker, so the pages queued behind it keep flowing. The database
# drivers release the GIL while a query runs. `timeout` restarts a worker stuck on
# one request for longer than that (with threads: a worker that stops answering).
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "gthread")
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
# Recycle workers now and then so a slow leak can never take a site down.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "5000"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "500"))
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None  # empty: no access log
errorlog = "-"
# The longest request line gunicorn reads (its maximum, above its default 4094): URLs
# over the app's own limit (MAX_URL_LENGTH, 4096) then reach the app, which answers
# with the site's 414 page in the visitor's language. Longer lines get gunicorn's
# short "URI Too Long" (written by its worker, which the app cannot change).
limit_request_line = 8190
# The proxy in front terminates TLS; trust its X-Forwarded-* headers. The same
# proxies the app trusts for the client's address (TRUSTED_PROXIES).
forwarded_allow_ips = os.environ.get(
    "TRUSTED_PROXIES", os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
)
# gunicorn's control socket lives under $HOME and would collide between instances
# on one machine; nothing here uses it.
control_socket_disable = os.environ.get("GUNICORN_CONTROL_SOCKET", "") == ""
