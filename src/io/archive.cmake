# Sources of the archive layer (envelope, Boost.Serialization archives, atomic save).
# Boost.Serialization stays private: no public header includes it. Loading adds a large
# plan's members on a second thread (archive_snapshot.hpp).
target_sources(goaltrack_objects PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/archive.cpp
  ${CMAKE_CURRENT_LIST_DIR}/file_write.cpp
  ${CMAKE_CURRENT_LIST_DIR}/archive_envelope.cpp
  ${CMAKE_CURRENT_LIST_DIR}/archive_payload.cpp
  ${CMAKE_CURRENT_LIST_DIR}/archive_snapshot.cpp
  ${CMAKE_CURRENT_LIST_DIR}/archive_v1.cpp
  ${CMAKE_CURRENT_LIST_DIR}/crc32c.cpp
  ${CMAKE_CURRENT_LIST_DIR}/payload_buf.cpp)
target_link_libraries(goaltrack_objects PRIVATE Boost::serialization Threads::Threads)
