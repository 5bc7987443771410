#pragma once
// An empty folder of the test's own under the system's temporary folder, named after
// the test and the process (tests run in parallel under ctest).

#include <unistd.h>

#include <filesystem>
#include <string>

namespace goaltrack_test {

inline std::filesystem::path fresh_dir(const std::string& name) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                    ("goaltrack-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

}  // namespace goaltrack_test
