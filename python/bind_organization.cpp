// organization.hpp: the collectives and members of a plan, as `plan.org`. The Python
// organization is a view of its plan (it keeps the plan alive and goes through the plan's
// lock), so there is no free-standing organization in Python.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "goaltrack/organization.hpp"
#include "plan_handle.hpp"

namespace goaltrack::python {
namespace {

/// plan.org: the organisation of a Python plan.
struct org_ref {
  py::object plan;
  [[nodiscard]] plan_handle& handle() const { return handle_of(plan); }
};

/// Strings of a Python sequence, copied into one buffer (so that no Python object is read
/// once the GIL is released).
struct string_batch {
  std::string chars;
  std::vector<std::size_t> ends;
  explicit string_batch(const py::handle& sequence, std::size_t expected, const char* what) {
    if (!sequence.is_none()) {
      for (const py::handle item : py::iter(sequence)) {
        chars += item.cast<std::string_view>();
        ends.push_back(chars.size());
      }
    }
    if (sequence.is_none()) ends.assign(expected, 0);
    if (expected != static_cast<std::size_t>(-1) && ends.size() != expected) {
      throw invalid_argument(std::string(what) + ": expected " + std::to_string(expected) +
                             " values, got " + std::to_string(ends.size()));
    }
  }
  [[nodiscard]] std::size_t size() const noexcept { return ends.size(); }
  [[nodiscard]] std::string_view operator[](std::size_t i) const noexcept {
    const std::size_t begin = i == 0 ? 0 : ends[i - 1];
    return std::string_view(chars).substr(begin, ends[i] - begin);
  }
};

struct collective_ids {
  static std::size_t size(const py::handle& org) {
    return org.cast<const org_ref&>().handle().read(
        [](const plan& p) { return p.org().collective_count(); });
  }
  static py::object item(const py::handle& /*org*/, std::size_t i) {
    return py::cast(collective_id(static_cast<std::uint32_t>(i)));
  }
};
struct member_ids {
  static std::size_t size(const py::handle& org) {
    return org.cast<const org_ref&>().handle().read(
        [](const plan& p) { return p.org().member_count(); });
  }
  static py::object item(const py::handle& /*org*/, std::size_t i) {
    return py::cast(member_id(static_cast<std::uint32_t>(i)));
  }
};

}  // namespace

/// plan.org for a Python plan object (used by bind_plan.cpp).
py::object make_org_ref(const py::object& plan) { return py::cast(org_ref{plan}); }

void wrap_organization(py::module_& m) {
  wrap_view<collective_ids>(m, "collective_view", "The ids of every collective, in id order.");
  wrap_view<member_ids>(m, "member_view", "The ids of every member, in id order.");

  using opt_collective = std::optional<collective_id>;
  py::class_<org_ref>(
      m, "organization",
      "The organisation of a plan (plan.org): collectives (a department, its party committee,\n"
      "cells, schools; nested to any depth) and the individuals (members) who belong to them.\n"
      "Every entity has a stable, unique code chosen by the user and a dense id given by the\n"
      "plan. A collective's parent always has a smaller id than the collective.")
      // --- collectives -----------------------------------------------------------------
      .def(
          "add_collective",
          [](const org_ref& self, std::string_view code, std::string_view name,
             std::string_view kind, opt_collective parent) {
            return self.handle().write(
                [&](plan& p) { return p.org().add_collective(code, name, kind, parent); });
          },
          py::arg("code"), py::arg("name") = "", py::arg("kind") = "",
          py::arg("parent") = py::none(),
          "Adds a collective under `parent` (None: a root).\n"
          "Raises InvalidArgument when the code is empty; DuplicateError when the code is\n"
          "taken; NotFound when parent is unknown.")
      .def(
          "add_collectives",
          [](const org_ref& self, const py::handle& codes, const py::handle& names,
             const py::handle& kinds, const py::handle& parent_codes) {
            const string_batch c(codes, static_cast<std::size_t>(-1), "codes");
            const string_batch n(names, c.size(), "names");
            const string_batch k(kinds, c.size(), "kinds");
            const string_batch parents(parent_codes, c.size(), "parent_codes");
            std::vector<collective_spec> specs(c.size());
            for (std::size_t i = 0; i < specs.size(); ++i) {
              specs[i] = {c[i], n[i], k[i], parents[i]};
            }
            return self.handle().write_nogil(
                [&](plan& p) { return p.org().add_collectives(specs); });
          },
          py::arg("codes"), py::arg("names") = py::none(), py::arg("kinds") = py::none(),
          py::arg("parent_codes") = py::none(),
          "Adds a batch of collectives given in any order (children may come before their\n"
          "parents, as in a shuffled spreadsheet), as columns of equal length: codes, and\n"
          "optionally names, kinds and parent codes (\"\" for a root; else a code in the plan\n"
          "or the batch). All or nothing: on any error the organisation is left as it was.\n"
          "Returns the id of each collective, in the order of `codes`.\n"
          "Raises DuplicateError naming a repeated code; NotFound naming a collective whose\n"
          "parent code is unknown; CycleError naming a collective on a cycle.")
      .def_property_readonly(
          "collective_count",
          [](const org_ref& self) {
            return self.handle().read([](const plan& p) { return p.org().collective_count(); });
          },
          "Number of collectives; ids are 0 .. collective_count - 1.")
      .def_property_readonly(
          "collectives", [](const org_ref& self) { return view<collective_ids>{py::cast(self)}; },
          "The ids of every collective (len(), iteration, [i]).")
      .def(
          "find_collective",
          [](const org_ref& self, std::string_view code) {
            return self.handle().read([&](const plan& p) { return p.org().find_collective(code); });
          },
          py::arg("code"), "The collective with this code, or None.")
      .def(
          "collective",
          [](const org_ref& self, std::string_view code) {
            return self.handle().read([&](const plan& p) { return p.org().collective(code); });
          },
          py::arg("code"), "The collective with this code. Raises NotFound naming the code.")
      .def(
          "contains_collective",
          [](const org_ref& self, std::string_view code) {
            return self.handle().read(
                [&](const plan& p) { return p.org().contains_collective(code); });
          },
          py::arg("code"), "True when a collective has this code.")
      .def(
          "contains",
          [](const org_ref& self, collective_id id) {
            return self.handle().read([&](const plan& p) { return p.org().contains(id); });
          },
          py::arg("id"), "True when `id` names a collective of this organisation.")
      .def(
          "contains",
          [](const org_ref& self, member_id id) {
            return self.handle().read([&](const plan& p) { return p.org().contains(id); });
          },
          py::arg("id"), "True when `id` names a member of this organisation.")
      .def(
          "code",
          [](const org_ref& self, collective_id id) {
            return self.handle().read([&](const plan& p) { return std::string(p.org().code(id)); });
          },
          py::arg("id"), "The code of a collective. Raises NotFound for an unknown id.")
      .def(
          "name",
          [](const org_ref& self, collective_id id) {
            return self.handle().read([&](const plan& p) { return std::string(p.org().name(id)); });
          },
          py::arg("id"), "The display name of a collective.")
      .def(
          "kind",
          [](const org_ref& self, collective_id id) {
            return self.handle().read([&](const plan& p) { return std::string(p.org().kind(id)); });
          },
          py::arg("id"), "The kind label of a collective.")
      .def(
          "parent",
          [](const org_ref& self, collective_id id) {
            return self.handle().read([&](const plan& p) { return p.org().parent(id); });
          },
          py::arg("id"), "The parent of a collective; None for a root.")
      .def(
          "children",
          [](const org_ref& self, collective_id id) {
            return self.handle().read([&](const plan& p) { return p.org().children(id); });
          },
          py::arg("id"), "The direct children of a collective, in id order.")
      .def(
          "in_subtree",
          [](const org_ref& self, collective_id node, collective_id ancestor) {
            return self.handle().read(
                [&](const plan& p) { return p.org().in_subtree(node, ancestor); });
          },
          py::arg("node"), py::arg("ancestor"),
          "True when `node` is `ancestor` or lies in its subtree.")
      .def(
          "parents",
          [](const org_ref& self) {
            return self.handle().read([](const plan& p) {
              const auto parents = p.org().parents();
              py::array_t<std::uint32_t> a(static_cast<py::ssize_t>(parents.size()));
              std::uint32_t* out = a.mutable_data();
              for (std::size_t i = 0; i < parents.size(); ++i) out[i] = parents[i].value();
              return a;
            });
          },
          "The parent column as a NumPy uint32 array: the parent id of every collective,\n"
          "collective_id.invalid_value for roots. Each parent id is smaller than its child's.")
      .def(
          "kind_indices",
          [](const org_ref& self) {
            return self.handle().read(
                [](const plan& p) { return column_copy(p.org().kind_indices()); });
          },
          "The kind column as indices into kind_names() (NumPy uint16).")
      .def(
          "kind_names",
          [](const org_ref& self) {
            return self.handle().read([](const plan& p) {
              const auto names = p.org().kind_names();
              return std::vector<std::string>(names.begin(), names.end());
            });
          },
          "Distinct kind labels, in order of first use.")
      .def(
          "find_kind",
          [](const org_ref& self, std::string_view kind) {
            return self.handle().read([&](const plan& p) { return p.org().find_kind(kind); });
          },
          py::arg("kind"), "The index of a kind label in kind_names(), or None.")
      // --- members ---------------------------------------------------------------------
      .def(
          "add_member",
          [](const org_ref& self, std::string_view code, std::string_view name,
             collective_id collective) {
            return self.handle().write(
                [&](plan& p) { return p.org().add_member(code, name, collective); });
          },
          py::arg("code"), py::arg("name"), py::arg("collective"),
          "Adds a member of `collective`.\n"
          "Raises InvalidArgument when the code is empty; DuplicateError when the code is\n"
          "taken; NotFound when the collective is unknown.")
      .def(
          "add_members",
          [](const org_ref& self, const py::handle& codes, const py::handle& collectives,
             const py::handle& names) {
            const string_batch c(codes, static_cast<std::size_t>(-1), "codes");
            const string_batch n(names, c.size(), "names");
            const std::vector<collective_id> owners =
                id_column<collective_id>(collectives, "collectives");
            if (owners.size() != c.size()) {
              throw invalid_argument("add_members: " + std::to_string(c.size()) + " codes but " +
                                     std::to_string(owners.size()) + " collectives");
            }
            return self.handle().write_nogil([&](plan& p) {
              std::vector<member_spec> specs(c.size());
              for (std::size_t i = 0; i < specs.size(); ++i) specs[i] = {c[i], n[i], owners[i]};
              return p.org().add_members(specs);
            });
          },
          py::arg("codes"), py::arg("collectives"), py::arg("names") = py::none(),
          "Adds a batch of members as columns of equal length: codes (str), collectives\n"
          "(collective ids, or a NumPy integer array of them) and optionally names. All or\n"
          "nothing, errors as add_member's (naming the member). Releases the GIL.\n"
          "Returns the id of the first member; the batch gets consecutive ids.")
      .def_property_readonly(
          "member_count",
          [](const org_ref& self) {
            return self.handle().read([](const plan& p) { return p.org().member_count(); });
          },
          "Number of members; ids are 0 .. member_count - 1.")
      .def_property_readonly(
          "members", [](const org_ref& self) { return view<member_ids>{py::cast(self)}; },
          "The ids of every member (len(), iteration, [i]).")
      .def(
          "find_member",
          [](const org_ref& self, std::string_view code) {
            return self.handle().read([&](const plan& p) { return p.org().find_member(code); });
          },
          py::arg("code"), "The member with this code, or None.")
      .def(
          "member",
          [](const org_ref& self, std::string_view code) {
            return self.handle().read([&](const plan& p) { return p.org().member(code); });
          },
          py::arg("code"), "The member with this code. Raises NotFound naming the code.")
      .def(
          "code",
          [](const org_ref& self, member_id id) {
            return self.handle().read([&](const plan& p) { return std::string(p.org().code(id)); });
          },
          py::arg("id"), "The code of a member. Raises NotFound for an unknown id.")
      .def(
          "name",
          [](const org_ref& self, member_id id) {
            return self.handle().read([&](const plan& p) { return std::string(p.org().name(id)); });
          },
          py::arg("id"), "The display name of a member.")
      .def(
          "collective_of",
          [](const org_ref& self, member_id id) {
            return self.handle().read([&](const plan& p) { return p.org().collective_of(id); });
          },
          py::arg("id"), "The collective a member belongs to.")
      .def(
          "members_of",
          [](const org_ref& self, collective_id id) {
            return self.handle().read([&](const plan& p) { return p.org().members_of(id); });
          },
          py::arg("id"),
          "The members that belong directly to a collective, in id order (a scan of the\n"
          "member column: O(members)).")
      .def(
          "member_collectives",
          [](const org_ref& self) {
            return self.handle().read([](const plan& p) {
              const auto owners = p.org().member_collectives();
              py::array_t<std::uint32_t> a(static_cast<py::ssize_t>(owners.size()));
              std::uint32_t* out = a.mutable_data();
              for (std::size_t i = 0; i < owners.size(); ++i) out[i] = owners[i].value();
              return a;
            });
          },
          "The member column as a NumPy uint32 array: the collective of every member.")
      .def("__repr__", [](const org_ref& self) {
        return self.handle().read([](const plan& p) {
          return "<goaltrack.organization: " + std::to_string(p.org().collective_count()) +
                 " collectives, " + std::to_string(p.org().member_count()) + " members>";
        });
      });
}

}  // namespace goaltrack::python
