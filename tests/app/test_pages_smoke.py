"""Every page runs on the bundled store without an exception and shows its title."""

import pytest

from tests.app.conftest import PAGES


@pytest.mark.parametrize("page", PAGES)
def test_page_runs(run_page, page):
    at = run_page(page)
    assert not at.exception, at.exception
    assert at.title, "every page has a title"
