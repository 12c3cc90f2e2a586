"""Shared fixtures: every test gets its own database file and a pinned clock; and the second
tier of tests.

`pytest` runs the first tier: every behaviour, in a few minutes. The second tier
(`pytest -m "tier2 and not slow"`, which .ci/run runs after the first) holds the tests a developer
need not wait for on every change: assertions on wall-clock time, counts of Textual's paints,
layouts and style refreshes (they break when Textual changes, not when careertui does), processes
racing each other, a real terminal, and the slowest UI and reliability tests, whose behaviour a
faster first-tier test also covers. They are listed here, not marked in their files, so that the
split is in one place."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

TODAY = date(2026, 11, 23)  # a Monday


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Never touch the user's data: CAREERTUI_DB and the platform folders point into tmp_path."""
    monkeypatch.setenv("CAREERTUI_TODAY", TODAY.isoformat())
    monkeypatch.setenv("CAREERTUI_DB", str(tmp_path / "default" / "careertui.db"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-state"))


@pytest.fixture
def today() -> date:
    return TODAY


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "careertui.db"


TIER2 = {
    "wall-clock assertions": (
        "tests/test_demo.py::test_it_is_fast",
        "tests/ui/test_network.py::test_ten_thousand_contacts_load_a_page_at_a_time",
        "tests/ui/test_wins.py::test_ten_thousand_wins_load_a_page_at_a_time",
        "tests/ui/test_roadmap.py::test_a_long_goal_list_loads_a_page_at_a_time",
        "tests/ui/test_review.py::test_many_follow_ups_load_a_page_at_a_time",
        "tests/ui/test_app.py::test_careertui_checks_the_file_after_the_first_frame",
    ),
    "Textual's paints, layouts and style refreshes counted": (
        "tests/ui/test_warm.py",
        "tests/ui/test_reload.py",
        "tests/ui/test_app.py::test_screens_have_their_size_classes_from_the_start",
        "tests/ui/test_app.py::test_css_is_parsed_once_per_source_until_the_theme_changes",
        "tests/ui/test_app.py::test_a_screens_first_showing_does_not_refresh_the_apps_css",
    ),
    "processes racing, killed, or in a real terminal": (
        "tests/reliability/test_concurrency.py",
        "tests/reliability/test_kill.py",
        "tests/reliability/test_tui_display.py",
        "tests/sync/test_sync_property.py::test_three_devices_end_equal",
        "tests/reliability/test_exit_status.py::test_ctrl_c_at_random_moments",
    ),
    "the slowest UI and reliability tests (a first-tier test covers the same behaviour)": (
        "tests/ui/test_app.py::test_palette_finds_entries_and_opens_them",
        "tests/ui/test_review.py::test_escape_leaves_a_text_field_so_step_and_screen_keys_work",
        "tests/ui/test_review.py::test_leaving_the_screen_keeps_unsaved_typing",
        "tests/ui/test_roadmap.py::test_bad_date_is_refused_in_place",
        "tests/ui/test_selfcheck.py::test_p_adds_a_perception_check_with_the_last_answers_beside",
        "tests/ui/test_network.py::test_contact_page_edits_the_contact_an_interaction_and_deletes_one",
        "tests/ui/test_network.py::test_search_hits_open_the_contact_page_and_the_interaction_form",
        "tests/ui/test_dashboard.py::test_due_items_open_their_form",
        "tests/widgets/test_footer.py::test_nav_bar_on_every_screen_and_click_switches",
        "tests/ui/test_selfcheck.py::test_slash_filters_both_histories",
        "tests/ui/test_wins.py::test_responsibility_keys_add_edit_retire_filter",
        "tests/ui/test_wins.py::test_r_cycles_the_responsibility_filter_and_p_the_period",
        "tests/ui/test_wins.py::test_search_hit_opens_the_win_form",
        "tests/ui/test_wins.py::test_D_sets_the_review_dates",
        "tests/ui/test_win_evidence.py::test_x_writes_the_packet_chosen",
        "tests/ui/test_roadmap.py::test_tabs_by_key_and_focus",
        "tests/ui/test_roadmap.py::test_a_search_hit_opens_in_its_tab",
        "tests/ui/test_roadmap_opportunities.py::test_three_opportunities_side_by_side_at_80x24",
        "tests/widgets/test_paged.py::test_pagedown_reaches_the_end_a_page_at_a_time",
        "tests/sync/test_sync_cli.py::test_without_the_passphrase_an_encrypted_folder_is_refused",
        "tests/sync/test_sync_restore.py::test_an_encrypted_backup_restores_and_keeps_the_replaced_file",
        "tests/sync/test_sync_cli.py::test_two_journals_end_equal_through_an_encrypted_folder",
        "tests/ui/test_palette_actions.py::test_palette_actions",
        # every screen's literal display of hostile text (test_tui_display covers all at once)
        "tests/ui/test_network.py::test_user_text_is_shown_literally",
        "tests/ui/test_review.py::test_user_text_is_shown_literally",
        "tests/ui/test_roadmap.py::test_user_text_is_shown_literally",
        "tests/ui/test_selfcheck.py::test_user_text_is_shown_literally",
        "tests/ui/test_wins.py::test_user_text_is_shown_literally",
        "tests/reliability/test_refusals.py::test_a_bad_file_is_refused_untouched",
        "tests/reliability/test_outputs.py::test_a_database_or_its_side_file_is_never_replaced",
        "tests/reliability/test_outputs.py::test_a_device_is_written_into_never_replaced",
        "tests/reliability/test_roundtrip.py::test_every_cli_write_path_reads_back_in_a_new_process",
        "tests/reliability/test_roundtrip.py::test_any_text_round_trips_through_the_command_line",
        "tests/reliability/test_privacy.py::test_first_run_under_umask_022",
    ),
    "the slowest Pilot walks of this round's forms and steps (4-9 s each; a shorter test of each "
    "screen stays in the first tier)": (
        "tests/ui/test_roadmap_opportunities.py::test_weigh_then_decide_accepted_offers_the_profile",
        "tests/ui/test_win_evidence.py::test_the_win_form_edits_evidence_and_requirements",
        "tests/widgets/test_form.py::test_a_field_message_goes_as_soon_as_the_field_is_right",
        "tests/ui/test_roadmap.py::test_space_shows_and_edits_the_profile",
        "tests/ui/test_wins.py::test_x_replaces_a_file_only_once_confirmed",
        "tests/ui/test_review_draft.py::test_last_weeks_focus_is_ticked_and_carried_items_are_offered",
        "tests/ui/test_review_draft.py::test_people_step_lists_follow_ups_of_the_next_7_days_and_snoozes",
        "tests/ui/test_themes.py::test_every_offered_theme_meets_aa",
    ),
}
"""Node ids (a file, or a test without its parameters) of the second tier, by why."""

_TIER2 = {node for nodes in TIER2.values() for node in nodes}


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        test = item.nodeid.split("[")[0]
        if test in _TIER2 or test.split("::")[0] in _TIER2:
            item.add_marker(pytest.mark.tier2)
