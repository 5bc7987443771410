# Sources of the CSV import and export layer.
target_sources(goaltrack_objects PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/csv.cpp
  ${CMAKE_CURRENT_LIST_DIR}/csv_export.cpp
  ${CMAKE_CURRENT_LIST_DIR}/csv_import.cpp
  ${CMAKE_CURRENT_LIST_DIR}/csv_import_org.cpp
  ${CMAKE_CURRENT_LIST_DIR}/csv_import_refs.cpp
  ${CMAKE_CURRENT_LIST_DIR}/csv_import_table.cpp
  ${CMAKE_CURRENT_LIST_DIR}/csv_import_work.cpp
  ${CMAKE_CURRENT_LIST_DIR}/csv_notes.cpp
  ${CMAKE_CURRENT_LIST_DIR}/csv_text.cpp
  ${CMAKE_CURRENT_LIST_DIR}/xlsx_import.cpp)
