"""Designation lists (UN Security Council, FollowTheMoney files, vessel tables) and screening.

Import parses a source into FollowTheMoney entities, stores them as one list version per
dataset and ledgers what changed; :mod:`sanctionwatch.lists.matching` screens names against
the current versions.
"""
