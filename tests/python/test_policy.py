import datetime as dt

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


def test_statuses_and_bands_are_data(small):
    inf = float("inf")
    near = gt.status_definition("gan_dat", "nearly achieved", "gần đạt", "#fdd835",
                                gt.target_status.at_risk)
    bands = [gt.status_band("off_track", upper=0.8),
             gt.status_band("gan_dat", 0.8, 1.0),
             gt.status_band("on_track", lower=1.0)]
    assert bands[1].holds(0.8) and not bands[1].holds(1.0) and bands[2].holds(inf)
    assert bands[1].holds(0.9, offset=0.05) and not bands[1].holds(0.8, offset=0.05)
    assert bands[0].lower == -inf and "band_phase.open" in repr(bands[0])
    policy = gt.evaluation_policy(basis=gt.band_basis.progress, statuses=[near], bands=bands)
    policy.validate()
    assert policy.statuses[0] == near and policy.bands == bands

    p, dept = small["plan"], small["dept"]
    t = p.add_target(gt.target.quantity("Q2", "", dept, gt.period.year(2021)).increase_to(100).from_(0))
    p.add_measurement(t, dt.date(2021, 3, 1), 85)
    ev = gt.evaluate(p, dt.date(2021, 3, 1), policy)
    r = ev.target(t)
    assert r.status_code == "gan_dat" and r.status == gt.target_status.at_risk
    assert ev.status_indices()[t] == gt.target_status_count
    assert ev.status_definitions()[gt.target_status_count] == near
    assert ev.status_definitions()[2] == gt.builtin_status(gt.target_status.on_track)
    assert gt.to_string(gt.band_phase.closed) == "closed"
    assert gt.parse_band_basis("pace") == gt.band_basis.pace

    with pytest.raises(gt.InvalidArgument, match="band 1 and band 2 leave a gap at 0.8"):
        gt.evaluation_policy(bands=[bands[0], bands[2]]).validate()
    with pytest.raises(gt.InvalidArgument, match="status 'gan_dat' is neither"):
        gt.evaluation_policy(bands=bands).validate()
    okr = gt.policy_preset("okr")
    assert [s.code for s in okr.statuses] == ["green", "yellow", "red"]
    assert all(b.phase == gt.band_phase.closed for b in okr.bands)
