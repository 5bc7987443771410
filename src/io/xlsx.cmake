# Sources of the Excel workbook (.xlsx) reader and writer, under the spreadsheet importer
# and exporter: libzip, libdeflate, expat and libxlsxwriter (GOALTRACK_SPREADSHEET_LINKS).
target_sources(goaltrack_objects PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/xlsx_parts.cpp
  ${CMAKE_CURRENT_LIST_DIR}/xlsx_read.cpp
  ${CMAKE_CURRENT_LIST_DIR}/xlsx_scan.cpp
  ${CMAKE_CURRENT_LIST_DIR}/xlsx_sheet.cpp
  ${CMAKE_CURRENT_LIST_DIR}/xlsx_write.cpp
  ${CMAKE_CURRENT_LIST_DIR}/xlsx_xml.cpp
  ${CMAKE_CURRENT_LIST_DIR}/xlsx_zip.cpp)
