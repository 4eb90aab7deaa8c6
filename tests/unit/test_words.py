"""Words people read: a count with its noun, a refusal that names the action, the audit trail's name."""

import pytest

from varlib import AccessDeniedError, InvalidInputError, Registry, RolePolicy, Settings, counted, require_role


@pytest.mark.parametrize(
    ("count", "noun", "plural", "said"),
    [
        (1, "value", None, "1 value"),
        (0, "value", None, "0 values"),
        (3, "lagged difference", None, "3 lagged differences"),
        (2, "entry", "entries", "2 entries"),
    ],
)
def test_a_count_reads_with_its_noun(count, noun, plural, said):
    assert counted(count, noun, plural) == said


@pytest.mark.parametrize(
    ("action", "role", "said"),
    [
        ("scenario", "viewer", "not allowed: saving a scenario needs the publisher role; you have viewer"),
        ("alias", "publisher", "not allowed: moving or deleting an alias needs the admin role; you have publisher"),
        ("withdraw", None, "not allowed: withdrawing a version needs the admin role; you have no role"),
    ],
)
def test_a_refusal_names_the_action(action, role, said):
    with pytest.raises(AccessDeniedError) as caught:
        require_role(role, action)
    assert str(caught.value) == said


def test_a_refusal_with_the_policy_names_the_group_that_grants_the_role():
    policy = RolePolicy(admin_groups=frozenset({"ops", "varlib-admins"}))
    with pytest.raises(AccessDeniedError) as caught:
        require_role("viewer", "alias", who="Vera Viewer", policy=policy)
    assert str(caught.value) == (
        "not allowed: moving or deleting an alias needs the admin role; Vera Viewer has viewer; ask an administrator"
        " of the identity provider to add them to the group `ops` or `varlib-admins`"
    )
    assert policy.how_to_get("viewer") == "signing in grants it"  # no viewer group: any signed-in user
    assert RolePolicy(viewer_groups=frozenset({"staff"})).how_to_get("viewer").endswith("add you to the group `staff`")


def test_a_bad_history_key_names_the_audit_trail(tmp_path):
    registry = Registry.from_settings(Settings(store_dir=tmp_path / "store"))
    with pytest.raises(InvalidInputError, match="is not the key of a record in the audit trail of 'var': give"):
        registry.history("var", before="nonsense")


def test_a_constant_exogenous_column_is_named_in_one_pair_of_brackets():
    import numpy as np
    import pandas as pd

    from varlib import Dataset, ModelSpec, train_model

    rows = 60
    index = pd.date_range("2000-01-01", periods=rows, freq="QS")
    steps = np.random.default_rng(3).normal(size=(rows, 2)).cumsum(axis=0)
    frame = pd.DataFrame({"a": steps[:, 0], "b": steps[:, 1], "const": 5.0}, index=index)
    dataset = Dataset("const.csv", frame, "0" * 64, "QS-JAN")
    with pytest.raises(InvalidInputError) as caught:
        train_model(dataset, ModelSpec(("a", "b"), exog=("const",)))
    assert str(caught.value).startswith(
        "const is constant in const.csv (exogenous; a constant belongs in the trend): every row is 5, so a VAR"
    )
