#pragma once
// Private: the fault-injection seam of the atomic save, for the library's own tests
// (tests/atomic_save_test.cpp). Not installed, not exported.

#include <cstdint>

namespace goaltrack::detail {

/// The steps of an atomic save (save(plan, path, format)), in order.
enum class save_step : std::uint8_t {
  create,    ///< creating the temporary file next to the target
  write,     ///< writing the file's bytes to it (called once per chunk written)
  sync,      ///< fsync of the temporary file
  rename,    ///< renaming it over the target
  sync_dir,  ///< fsync of the directory
};

/// For fault-injection tests only: called before each step of every atomic save; when it
/// returns true the step fails as if the system had refused it (errno EIO). Null (the
/// default) turns it off. Not synchronised: set it while no save runs.
using save_fault_hook = bool (*)(save_step step);

/// Installs `hook` (null to remove it); returns the previous one.
save_fault_hook set_save_fault_hook(save_fault_hook hook) noexcept;

}  // namespace goaltrack::detail
