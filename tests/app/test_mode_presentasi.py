"""Projector mode: switched on by URL or toggle, hides the sidebar, and can be left again."""

import pytest

from tests.app.conftest import PAGES


def _css(at) -> str:
    return " ".join(m.value for m in at.markdown if "<style>" in m.value)


@pytest.mark.parametrize("page", PAGES)
def test_url_switches_every_page_to_projector_mode(run_page, page):
    at = run_page(page, query={"mode": "presentasi"})
    assert not at.exception
    css = _css(at)
    assert '[data-testid="stSidebar"]' in css and "display: none" in css
    assert "font-size: 24px" in css and "font-size: min(72px, 19cqi)" in css
    assert not [t for t in at.toggle if t.key == "toggle_presentasi"]


def test_toggle_turns_it_on_and_the_button_turns_it_off(run_page):
    at = run_page()
    assert "display: none" not in _css(at)
    at.toggle(key="toggle_presentasi").set_value(True).run()
    assert at.query_params["mode"] in ("presentasi", ["presentasi"])
    assert "display: none" in _css(at)
    at.button(key="keluar_presentasi").click().run()
    assert "mode" not in at.query_params
    assert "display: none" not in _css(at)
