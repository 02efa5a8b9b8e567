"""The phrase audit removes an entry for what is cleaned meanwhile, and only meanwhile."""
from __future__ import annotations

from phrase_audit import builtin_entries, key_of, recording_matches, without

from cleaner import clean, lexicon

DOC = "Share this\n\nThe council met on Monday and voted for the plan."


def test_removed_entries_no_longer_match_and_come_back_afterwards():
    with recording_matches() as found:
        assert clean(DOC, lang="en").text == DOC.split("\n\n")[1]
    assert found and found <= set(builtin_entries())
    with without(frozenset(found)):
        assert clean(DOC, lang="en").text == DOC
        assert not found & {key_of(e) for e in lexicon.matcher_for(("en",)).entries}
    assert clean(DOC, lang="en").text == DOC.split("\n\n")[1]
    assert found <= {key_of(e) for e in lexicon.matcher_for(("en",)).entries}


def test_a_credit_at_the_end_of_a_line_is_its_caption_prefix_entry():
    credit = lexicon.Match("caption", "suffix", "Photo:", "en")
    assert key_of(credit) == ("en", "caption", "prefix", "Photo:")
