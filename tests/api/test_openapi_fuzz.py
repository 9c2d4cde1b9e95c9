"""The OpenAPI document against the app: Schemathesis generates valid and invalid requests for every
documented operation and runs every check on each answer (status, media type, body schema, headers,
valid data accepted, invalid data refused, methods not offered). Seeded and bounded in count and time.
"""

from __future__ import annotations

import time
from typing import Any

import hypothesis
import pytest
import schemathesis
from schemathesis import GenerationMode
from schemathesis.checks import CHECKS

from neutral_timeline.api.app import create_service
from neutral_timeline.api.settings import Settings
from neutral_timeline.catalog.load import load_catalog
from tests.api.conftest import MINI

CASES_PER_OPERATION = 64  # 14 operations, positive and negative: ~1,200 cases
BUDGET = 60.0  # seconds for the generated cases; each operation stops early when it is spent
STARTED: list[float] = []  # when the first case ran (not at import: other modules' tests run in between)
RAN: list[str] = []

APP = create_service(
    load_catalog(MINI), Settings("http://testserver")
)  # Schemathesis's ASGI client sends Host: testserver
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)
schema.config.generation.update(
    modes=[GenerationMode.POSITIVE, GenerationMode.NEGATIVE],
    max_examples=CASES_PER_OPERATION,
    deterministic=True,  # a fixed seed: the same cases in every run
    database="none",
)
# 501 is oEmbed's own answer for a format other than json (oEmbed 1.0, 2.3.5), documented as such.
schema.config.checks.not_a_server_error.expected_statuses = ["2xx", "3xx", "4xx", "501"]
# A well-formed value the data refuses is a 422 by definition ("semantically erroneous"): an as_of
# before an election's first schedule, an ambiguous region name. The document says so for each route.
schema.config.checks.positive_data_acceptance.expected_statuses = ["2xx", "3xx", "404", "422"]
ALL_CHECKS = CHECKS.get_all()


@schema.parametrize()
@hypothesis.settings(deadline=None, derandomize=True, suppress_health_check=list(hypothesis.HealthCheck))
def test_every_answer_matches_the_document(case: Any) -> None:
    STARTED[:] = STARTED or [time.monotonic()]
    if time.monotonic() - STARTED[0] > BUDGET:
        return  # bounded: the count check below says whether enough cases ran
    RAN.append(case.operation.label)
    case.call_and_validate(checks=ALL_CHECKS)


def test_enough_cases_ran() -> None:
    if not RAN:
        pytest.skip("the fuzzing test was not selected")
    operations = {f"GET {path}" for path in schema.raw_schema["paths"]}
    print(f"schemathesis {schemathesis.__version__}: {len(RAN)} cases over {len(operations)} operations")
    assert len(RAN) >= 1000, f"only {len(RAN)} cases within {BUDGET} s"
    assert set(RAN) == operations


def test_stateful_sequences() -> None:
    """Stateful mode: chains of calls that follow the links Schemathesis infers between operations."""
    machine = schema.as_state_machine()
    machine.run(settings=hypothesis.settings(max_examples=20, deadline=None, derandomize=True, database=None))
