"""A clinic in the read-only API (/api/v2/pages/?type=locations.LocationPage&fields=*):
its address, position and hours as plain JSON. cms/api.py prefetches the hours."""

from django.conf import settings
from django.utils import timezone
from rest_framework import serializers
from wagtail.api import APIField

from locations.hours import SCHEMA_DAYS


class _ClinicField(serializers.Field):
    """A read-only field computed from the whole page."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)


class AddressField(_ClinicField):
    def to_representation(self, page):
        return {
            "street_address": page.street_address,
            "address_line_2": page.address_line_2,
            "locality": page.locality,
            "region": "NY",
            "postal_code": page.postal_code,
            "country": "US",
            "formatted": page.full_address,
        }


class CoordinatesField(_ClinicField):
    def to_representation(self, page):
        return {"latitude": float(page.latitude), "longitude": float(page.longitude)}


class HoursField(_ClinicField):
    """Weekly hours by weekday (0 = Monday) and dated exceptions for the next 60 days,
    as 24-hour New York times."""

    def to_representation(self, page):
        data = page.schedule.as_data()
        today = timezone.localdate().isoformat()
        return {
            "timezone": settings.TIME_ZONE,
            "weekly": [
                {
                    "weekday": day,
                    "day": SCHEMA_DAYS[day],
                    "intervals": data["weekly"].get(str(day), []),
                }
                for day in range(7)
            ],
            "exceptions": [
                {"date": date, "label": item["label"], "intervals": item["intervals"]}
                for date, item in data["exceptions"].items()
                if date >= today
            ],
        }


API_FIELDS = [
    APIField("neighborhood"),
    APIField("borough"),
    APIField("address", serializer=AddressField()),
    APIField("coordinates", serializer=CoordinatesField()),
    APIField("phone"),
    APIField("email"),
    APIField("hours", serializer=HoursField()),
    APIField("languages", serializer=serializers.ListField(source="languages_list")),
    APIField("accepting_new_patients"),
]
