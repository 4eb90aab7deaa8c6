"""What a review of training on people's own CSVs found: components and their total are collinear in levels
(and differences) but not in log differences, where the model lives, so a logdiff model of them was wrongly
refused; a refusal of collinear variables names the ones that move together, so the fix is clear."""

from __future__ import annotations

import pytest

from varlib import InvalidInputError, ModelSpec, load_dataset, train_model

PARTS = ("realcons", "realinv", "total")


def _with_total():
    frame = load_dataset(variables=["realcons", "realinv"]).frame.copy()
    frame["total"] = frame["realcons"] + frame["realinv"]
    return load_dataset(frame.rename_axis("date").to_csv().encode(), csv_name="identity.csv", variables=list(PARTS))


def test_components_and_their_total_fit_in_growth_rates():
    result = train_model(_with_total(), ModelSpec(PARTS, transform="logdiff"))
    assert result.params.k_ar >= 1 and result.spec.transform == "logdiff"


@pytest.mark.parametrize("transform", ["none", "diff"])
def test_in_levels_or_differences_they_are_refused_naming_the_relation(transform):
    with pytest.raises(InvalidInputError) as refused:
        train_model(_with_total(), ModelSpec(PARTS, transform=transform))
    assert "collinear in identity.csv: realcons, realinv and total move together exactly" in str(refused.value)


def test_only_the_variables_of_the_relation_are_named():
    frame = load_dataset(variables=["realgdp", "realcons", "realinv"]).frame.copy()
    frame["income2"] = 2 * frame["realcons"] + 1
    variables = ["realgdp", "realcons", "realinv", "income2"]
    dataset = load_dataset(frame.rename_axis("date").to_csv().encode(), csv_name="de.csv", variables=variables)
    with pytest.raises(InvalidInputError, match="realcons and income2 move together exactly .*; drop one of those"):
        train_model(dataset, ModelSpec(tuple(variables)))
