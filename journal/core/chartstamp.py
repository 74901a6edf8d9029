"""Which blocks of the dashboard charts a write changed (journal.core.blocks).

Each block of BLOCK_WEEKS weeks carries a stamp that every write reaching it replaces, in
the same transaction as the write (journal.core.services), so a cached block is keyed by its
stamp and a stale one is never read: the next view asks for a key that does not exist
yet and recomputes that block alone. A change that reaches every block (the profile's
rule inputs, a retag, clearing the journal) replaces the stamp of EVERY_BLOCK, which is
part of every block's key.
"""

import secrets
from dataclasses import dataclass

from django.conf import settings
from django.db import models

from journal.core.blocks import reached
from journal.core.caching import person

EVERY_BLOCK = -1_000_000  # below any real block (1900 is about -400)


class ChartStamp(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="chart_stamps"
    )
    block = models.IntegerField()
    stamp = models.BigIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "block"], name="journal_chartstamp_block")
        ]

    def __str__(self):
        return f"Charts of {self.owner_id}, block {self.block}"


def touch(owner, dates=None) -> None:
    """Give new stamps to the blocks that a change on `dates` reaches (every block when
    `dates` is None). One statement; call it inside the write's transaction."""
    if dates is None:
        blocks = [EVERY_BLOCK]
    else:
        dates = [d for d in dates if d is not None]
        if not dates:
            return
        blocks = reached(min(dates), max(dates))
    stamp = secrets.randbits(62)
    ChartStamp.objects.bulk_create(
        [ChartStamp(owner_id=owner.pk, block=block, stamp=stamp) for block in blocks],
        update_conflicts=True,
        unique_fields=["owner", "block"],
        update_fields=["stamp"],
    )


@dataclass(frozen=True)
class Stamps:
    """The stamps of one person's `blocks` (and of EVERY_BLOCK) as read at one journal
    version: `found` by block, none for a block that no write has reached yet."""

    blocks: range
    found: dict[int, int]

    def covers(self, blocks: range) -> bool:
        return self.blocks.start <= blocks.start and blocks.stop <= self.blocks.stop


def stamps(owner, blocks: range) -> Stamps:
    """The stamps of `blocks` and of EVERY_BLOCK for one person, in one query."""
    asked = models.Q(block=EVERY_BLOCK) | models.Q(block__gte=blocks.start, block__lt=blocks.stop)
    found = ChartStamp.objects.filter(asked, owner=owner).values_list("block", "stamp")
    return Stamps(blocks, dict(found))


def block_keys(owner, name: str, blocks: range, read: Stamps | None = None) -> dict[int, str]:
    """A cache key per block of `blocks` that no write reaching the block keeps: `name` (which
    carries every other input, such as a format and the rules version), the person, the block
    and its stamps. `read`: stamps read already at the person's current journal version (every
    write that stamps a block moves the version too), used when they cover `blocks`."""
    if read is None or not read.covers(blocks):
        read = stamps(owner, blocks)
    found, who = read.found, person(owner)
    every = found.get(EVERY_BLOCK, 0)
    return {index: f"{name}:{who}:{index}:{every}:{found.get(index, 0)}" for index in blocks}
