"""Help contacts by region, and a service's own contacts listed first."""

from __future__ import annotations

import datetime
from typing import Annotated

import msgspec
from msgspec import Meta

from screener.models.base import ContactKind, Identifier, Model, Prose


class ContactTranslation(Model, frozen=True, kw_only=True):
    """A contact's words in another language; what is left out stays as written."""

    name: Prose | None = None
    description: Prose | None = None
    hours: str | None = None
    source: Annotated[
        Prose | None,
        Meta(description="Where the details were checked, in this language; the addresses stay."),
    ] = None


class Contact(Model, frozen=True, kw_only=True):
    """A service a person can reach."""

    name: Prose
    kind: Annotated[
        ContactKind, Meta(description="drugs, crisis, health, emergency, or directory.")
    ]
    description: Prose
    phone: str | None = None
    text: Annotated[str | None, Meta(description="A number to send a text message to.")] = None
    web: str | None = None
    hours: str | None = None
    checked: Annotated[datetime.date, Meta(description="When the details were last checked.")]
    source: Annotated[Prose, Meta(description="Where they were checked.")]
    translations: Annotated[
        dict[str, ContactTranslation],
        Meta(description="By language code, e.g. es: its name, description or hours there."),
    ] = msgspec.field(default_factory=dict)


class Region(Model, frozen=True, kw_only=True):
    """The contacts for one place."""

    id: Identifier
    name: Prose
    territories: Annotated[
        tuple[str, ...], Meta(description="Locale territory codes that mean this region, e.g. GB.")
    ] = ()
    contacts: Annotated[tuple[Contact, ...], Meta(min_length=1)]
    language: Annotated[
        str | None,
        Meta(description="The language to show when the locale asks for none we have, e.g. es."),
    ] = None
    translations: Annotated[
        dict[str, RegionTranslation], Meta(description="By language code: the region's name.")
    ] = msgspec.field(default_factory=dict)


class RegionTranslation(Model, frozen=True, kw_only=True):
    name: Prose


class ContactBook(Model, frozen=True, kw_only=True):
    """All regions, and the one used when no region matches."""

    fallback: Identifier
    regions: Annotated[tuple[Region, ...], Meta(min_length=1)]
    reviewed: Annotated[
        datetime.date | None,
        Meta(
            description="When the file was last reviewed; each contact is checked within 18 "
            "months of it."
        ),
    ] = None


class ServiceContacts(Model, frozen=True, kw_only=True):
    """A counselling service's own contacts, listed before the region's of the same kind."""

    service: Annotated[Prose, Meta(description="The service's name, as the record names it.")]
    contacts: Annotated[
        tuple[Contact, ...],
        Meta(min_length=1, description="Shown before the region's contacts of the same kind."),
    ]
    client_system: Annotated[
        str | None,
        Meta(
            description="The URI that names the service's client references in FHIR records "
            "(the identifier system), e.g. https://example.org/clients."
        ),
    ] = None
