/// @file
/// Review benchmarks (goaltrack/review.hpp, document.hpp): the annual review of one
/// province of the national plan, and of a whole plan of a province's size, then rendering
/// it as text and JSON. Issue 11, point 8: a report for a province (about 10,000
/// collectives) in under a second.
///
///   review_evaluate/kit:1.0                 goaltrack::evaluate(plan, 2021-09-30), default
///                                           policy: the evaluation `goaltrack report`
///                                           makes of the whole plan before composing
///   review_annual/kit_province/span:Y/lang:L  annual_review(plan, ev, options) with
///                                           options.subject = the province with the most
///                                           collectives; span: 2020 (the default as of
///                                           2021-09-30: the kit's targets all lie in 2021,
///                                           so only "next targets" is long) or 2021 (every
///                                           target of the province reviewed); lang: vi
///                                           (the plan's names' language) or en (every
///                                           entity named is a fallback, listed once)
///   review_render_text/kit_province/span:Y  render_text of that document
///   review_render_json/kit_province/span:Y  render_json of that document
///   review_render_html/kit_province/span:Y  render_html of that document (its charts' SVG)
///   review_annual/synthetic_whole:S/span:Y  annual_review of the whole synthetic plan at
///                                           scale S (0.032: 9,945 collectives, a province's
///                                           size), no subject; and its render_text/json/html
///
/// The national plan is the peer kit's, read from the binary archive
/// $GOALTRACK_PEER_ARCHIVE (default /tmp/goaltrack_peer_1.0.bin.gtk), which
/// `goaltrack_peer --save-archive DATADIR ARCHIVE` writes: the file `goaltrack report` reads
/// in the end-to-end timing (README.md, "The goaltrack command"). Without it those
/// benchmarks are skipped with a message.
///
/// Counters: collectives (in the review's subject), targets (of the subject, all periods),
/// items_per_second = collectives reviewed per second; doc_KB = the rendered size.

#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "goaltrack/goaltrack.hpp"
#include "goaltrack/io/archive.hpp"
#include "synthetic_plan.hpp"

namespace {

namespace gt = goaltrack;

/// A plan to review, its evaluation as of 2021-09-30 (default policy, as `goaltrack
/// report` without --policy), the subject and its size.
struct review_case {
  std::unique_ptr<gt::plan> owned;  // the archive's plan (the synthetic ones are shared)
  const gt::plan* p = nullptr;
  std::unique_ptr<gt::evaluation> ev;
  std::optional<gt::collective_id> subject;
  std::int64_t collectives = 0;
  std::int64_t targets = 0;
  std::string error;
};

std::filesystem::path archive_path() {
  const char* v = std::getenv("GOALTRACK_PEER_ARCHIVE");
  return v != nullptr && *v != '\0' ? std::filesystem::path(v)
                                    : std::filesystem::path("/tmp/goaltrack_peer_1.0.bin.gtk");
}

// The collectives of the subject's subtree (all of them when none) and the targets they own.
// Parents have smaller ids than their children: one pass in id order marks the subtree
// (organization::children scans every collective after its argument, so a walk by it would
// cost the subtree's size times the plan's).
void count_subject(review_case& c, bool with_targets = true) {
  const auto parents = c.p->org().parents();
  std::vector<char> inside(parents.size(), c.subject ? 0 : 1);
  if (c.subject) {
    const std::size_t root = c.subject->value();
    inside[root] = 1;
    for (std::size_t i = root + 1; i < parents.size(); ++i) {
      inside[i] = static_cast<char>(parents[i].ok() && inside[parents[i].value()] != 0);
    }
  }
  for (const char in : inside) c.collectives += in;
  if (!with_targets) return;
  for (const gt::target& t : c.p->targets()) c.targets += inside[t.owner.value()];
}

// The national plan of the archive, its evaluation, and the largest province (the
// root's child with the most collectives below it).
review_case& kit_case() {
  static review_case c = [] {
    review_case k;
    const std::filesystem::path path = archive_path();
    if (!std::filesystem::exists(path)) {
      k.error = "no archive " + path.string() +
                ": write it with goaltrack_peer --save-archive DATADIR " + path.string();
      return k;
    }
    k.owned = std::make_unique<gt::plan>(gt::load(path));
    k.p = k.owned.get();
    k.ev = std::make_unique<gt::evaluation>(gt::evaluate(*k.p, goaltrack_bench::as_of()));
    const gt::organization& org = k.p->org();
    std::optional<gt::collective_id> root;
    for (std::uint32_t i = 0; i < org.collective_count() && !root; ++i) {
      if (!org.parent(gt::collective_id(i))) root = gt::collective_id(i);
    }
    std::int64_t best = -1;
    for (const gt::collective_id province : org.children(*root)) {
      review_case probe;
      probe.p = k.p;
      probe.subject = province;
      count_subject(probe, false);
      if (probe.collectives > best) {
        best = probe.collectives;
        k.subject = province;
      }
    }
    count_subject(k);
    return k;
  }();
  return c;
}

review_case& synthetic_case(double scale) {
  static std::map<double, review_case> cases;
  auto [it, fresh] = cases.try_emplace(scale);
  if (fresh) {
    review_case& c = it->second;
    c.p = &goaltrack_bench::plan_at(scale).full;
    c.ev = std::make_unique<gt::evaluation>(gt::evaluate(*c.p, goaltrack_bench::as_of()));
    count_subject(c);
  }
  return it->second;
}

gt::review_options options_for(const review_case& c, int year, gt::language lang) {
  gt::review_options o;
  o.lang = lang;
  o.subject = c.subject;
  o.span = gt::period::year(year);
  return o;
}

void count(benchmark::State& state, const review_case& c) {
  state.SetItemsProcessed(c.collectives * state.iterations());
  state.counters["collectives"] = static_cast<double>(c.collectives);
  state.counters["targets"] = static_cast<double>(c.targets);
}

enum class step { compose, text, json, html };

std::string rendered(step what, const gt::document& doc, const gt::plan& p) {
  if (what == step::text) return gt::render_text(doc);
  if (what == step::html) return gt::render_html(doc);
  return gt::render_json(doc, p);
}

void bm_review(benchmark::State& state, review_case& (*get)(), int year, gt::language lang,
               step what) {
  review_case& c = get();
  if (!c.error.empty()) {
    state.SkipWithError(c.error.c_str());
    return;
  }
  const gt::review_options options = options_for(c, year, lang);
  if (what == step::compose) {
    for (auto _ : state) {
      gt::document doc = gt::annual_review(*c.p, *c.ev, options);
      benchmark::DoNotOptimize(doc);
    }
  } else {
    const gt::document doc = gt::annual_review(*c.p, *c.ev, options);
    std::size_t bytes = 0;
    for (auto _ : state) {
      std::string out = rendered(what, doc, *c.p);
      bytes = out.size();
      benchmark::DoNotOptimize(out);
    }
    state.counters["doc_KB"] = static_cast<double>(bytes) / 1e3;
  }
  count(state, c);
}

void bm_evaluate_kit(benchmark::State& state) {
  review_case& c = kit_case();
  if (!c.error.empty()) {
    state.SkipWithError(c.error.c_str());
    return;
  }
  for (auto _ : state) {
    gt::evaluation ev = gt::evaluate(*c.p, goaltrack_bench::as_of());
    benchmark::DoNotOptimize(ev);
  }
  state.counters["collectives"] = static_cast<double>(c.p->org().collective_count());
}

review_case& synthetic_0032() { return synthetic_case(0.032); }

const bool registered = [] {
  benchmark::RegisterBenchmark("review_evaluate/kit:1.0", bm_evaluate_kit)
      ->Unit(benchmark::kMillisecond);
  struct named_step {
    const char* name;
    step what;
  };
  for (const named_step s :
       {named_step{"review_annual", step::compose}, named_step{"review_render_text", step::text},
        named_step{"review_render_json", step::json},
        named_step{"review_render_html", step::html}}) {
    for (const int year : {2020, 2021}) {
      for (const gt::language lang : {gt::language::vi, gt::language::en}) {
        const std::string tail =
            "/span:" + std::to_string(year) + (lang == gt::language::vi ? "/lang:vi" : "/lang:en");
        benchmark::RegisterBenchmark((std::string(s.name) + "/kit_province" + tail).c_str(),
                                     bm_review, &kit_case, year, lang, s.what)
            ->Unit(benchmark::kMillisecond);
        benchmark::RegisterBenchmark(
            (std::string(s.name) + "/synthetic_whole:0.032" + tail).c_str(), bm_review,
            &synthetic_0032, year, lang, s.what)
            ->Unit(benchmark::kMillisecond);
      }
    }
  }
  return true;
}();

}  // namespace
