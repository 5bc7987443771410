// libFuzzer harness: the payload of an XML archive behind a valid envelope of each
// file-format version (the harness fixes up the length and checksums, so every input
// reaches the XML payload parser of every version).
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  goaltrack_fuzz::load_payload_every_version(data, size, 2);
  return 0;
}
