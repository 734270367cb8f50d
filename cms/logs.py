"""Log records of clients' mistakes, kept short.

Django logs a bad `Host` header, a malformed or oversized request (its
SuspiciousOperation family, loggers `django.security.*`) at ERROR with a traceback,
the offending header echoed in both: a scanner's noise then drowns real errors. A 4xx
is the client's doing: one WARNING line, no traceback, at most MAX_MESSAGE characters.
Server errors (5xx) keep their level and full detail. Installed on the console handler
(cms/settings/base.py LOGGING), so it sees every record, whichever logger wrote it."""

import logging

MAX_MESSAGE = 300


def is_client_error(record):
    status = getattr(record, "status_code", None)
    if status is not None:
        return 400 <= status < 500
    return record.name.startswith("django.security.")


class ClientErrorFilter(logging.Filter):
    def filter(self, record):
        if not is_client_error(record):
            return True
        if record.levelno > logging.WARNING:
            record.levelno, record.levelname = logging.WARNING, "WARNING"
        record.exc_info = record.exc_text = record.stack_info = None
        message = record.getMessage()
        if len(message) > MAX_MESSAGE:
            record.msg, record.args = message[:MAX_MESSAGE] + "…", ()
        return True
