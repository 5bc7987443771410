import pytest

import goaltrack as gt


def test_policies_kept_in_the_plan(small):
    p = small["plan"]
    r = p.add_round(small["scale"], gt.period.year(2021))
    spec = gt.rating_summary_spec(r, gt.rating_level(1), counted_kind="cell",
                                  criterion=gt.collective_criterion.member_share)
    policy = gt.evaluation_policy(on_track_margin=0.05, missed_after_end=False,
                                  rating_summaries=[spec])
    policy.validate()
    p.add_policy("kit", policy)
    assert p.policy("kit") == policy and p.policies[0].code == "kit" and len(p.policies) == 1
    assert p.policy("kit").rating_summaries[0] == spec
    assert "on_track_margin=0.05" in repr(policy)
    with pytest.raises(gt.InvalidArgument, match="at_risk_margin"):
        gt.evaluation_policy(on_track_margin=0.3, at_risk_margin=0.2).validate()
    with pytest.raises(gt.DuplicateError):
        p.add_policy("kit", gt.evaluation_policy())
    with pytest.raises(gt.NotFound, match="nope"):
        p.policy("nope")
    bad = gt.evaluation_policy(rating_summaries=[gt.rating_summary_spec(gt.round_id(7), gt.rating_level(0))])
    with pytest.raises(gt.NotFound):
        p.add_policy("bad", bad)
