// The parts of a workbook read on opening: relationships (which entry is the workbook,
// which are its sheets, strings and styles), xl/workbook.xml, xl/sharedStrings.xml and
// the date formats of xl/styles.xml. Each is parsed by a small expat handler; counts the
// XML declares (sst count="...") are never trusted: tables grow with what is read, under
// the limits.

#include "io/xlsx_parts.hpp"

#include <charconv>
#include <unordered_map>
#include <unordered_set>

#include "goaltrack/error.hpp"
#include "io/xlsx_xml.hpp"

namespace goaltrack::detail::xlsx {

namespace {

// Far above Excel's own (64 000 cell formats): a cap against hostile styles only.
constexpr std::size_t max_styles = 1'000'000;
constexpr std::size_t max_relationships = 100'000;

struct relationship {
  std::string type;
  std::string target;  // resolved to an entry name
};

// "xl/" for "xl/workbook.xml"; "" for a part at the root.
std::string directory_of(std::string_view part) {
  const std::size_t slash = part.rfind('/');
  return slash == std::string_view::npos ? std::string() : std::string(part.substr(0, slash + 1));
}

// `target` relative to `base` (or absolute from the package root), with "." and ".." resolved.
std::string resolve(const std::string& base, std::string_view target) {
  std::string joined =
      target.starts_with('/') ? std::string(target.substr(1)) : base + std::string(target);
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= joined.size()) {
    std::size_t slash = joined.find('/', start);
    if (slash == std::string::npos) slash = joined.size();
    const std::string segment = joined.substr(start, slash - start);
    if (segment == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!segment.empty() && segment != ".") {
      parts.push_back(segment);
    }
    start = slash + 1;
  }
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

bool ends_with_type(std::string_view type, std::string_view suffix) {
  return type.ends_with("/" + std::string(suffix));
}

bool parse_u32(std::string_view s, std::uint32_t& out) {
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && end == s.data() + s.size() && !s.empty();
}

// --- relationships --------------------------------------------------------------------

class relationships_handler final : public xml_handler {
 public:
  relationships_handler(const zip_archive& archive, std::string entry, std::string base)
      : archive_(archive), entry_(std::move(entry)), base_(std::move(base)) {}
  void start(std::string_view name, const xml_attributes& a) override {
    if (name != "Relationship" || a.get("TargetMode") == "External") return;
    if (by_id.size() >= max_relationships) {
      throw_corrupt(archive_.where(),
                    entry_ + ": more than " + std::to_string(max_relationships) + " relationships");
    }
    by_id[std::string(a.get("Id").value_or(""))] = {std::string(a.get("Type").value_or("")),
                                                    resolve(base_, a.get("Target").value_or(""))};
  }
  void end(std::string_view /*name*/) override {}
  void text(std::string_view /*chars*/) override {}
  // The target of the first relationship of type .../`type`, or `fallback`.
  [[nodiscard]] std::string target_of(std::string_view type, std::string fallback) const {
    for (const auto& [id, r] : by_id) {
      if (ends_with_type(r.type, type)) return r.target;
    }
    return fallback;
  }

  std::unordered_map<std::string, relationship> by_id;

 private:
  const zip_archive& archive_;
  std::string entry_;
  std::string base_;
};

// The relationships of `part` (from its _rels/<name>.rels entry; none when absent).
relationships_handler read_relationships(zip_archive& archive, const std::string& part) {
  const std::string dir = directory_of(part);
  const std::string rels = dir + "_rels/" + part.substr(dir.size()) + ".rels";
  relationships_handler h(archive, rels, dir);
  parse_entry(archive, rels, h);
  return h;
}

// --- xl/workbook.xml ------------------------------------------------------------------

class workbook_handler final : public xml_handler {
 public:
  workbook_handler(const zip_archive& archive, std::string entry)
      : archive_(archive), entry_(std::move(entry)) {}
  void start(std::string_view name, const xml_attributes& a) override {
    if (name == "workbookPr") {
      const std::string_view v = a.get("date1904").value_or("0");
      date1904 = v == "1" || v == "true";
    } else if (name == "sheet") {
      if (sheets.size() >= archive_.caps().sheets) {
        throw_corrupt(archive_.where(),
                      entry_ + ": more than " + std::to_string(archive_.caps().sheets) + " sheets");
      }
      const std::string_view state = a.get("state").value_or("visible");
      sheets.push_back({std::string(a.get("name").value_or("")),
                        std::string(a.get("id").value_or("")), state != "visible"});
    }
  }
  void end(std::string_view /*name*/) override {}
  void text(std::string_view /*chars*/) override {}

  bool date1904 = false;
  std::vector<sheet_entry> sheets;  // entry holds the r:id until resolved

 private:
  const zip_archive& archive_;
  std::string entry_;
};

// --- xl/styles.xml --------------------------------------------------------------------

class styles_handler final : public xml_handler {
 public:
  styles_handler(const zip_archive& archive, std::string entry)
      : archive_(archive), entry_(std::move(entry)) {}
  void start(std::string_view name, const xml_attributes& a) override {
    std::uint32_t id = 0;
    if (name == "cellXfs") {
      in_cell_xfs_ = true;
    } else if (name == "numFmt" && parse_u32(a.get("numFmtId").value_or(""), id)) {
      if (date_format_code(a.get("formatCode").value_or(""))) custom_dates_.insert(id);
      check_count(custom_dates_.size());
    } else if (name == "xf" && in_cell_xfs_) {
      if (!parse_u32(a.get("numFmtId").value_or("0"), id)) id = 0;
      xf_formats_.push_back(id);
      check_count(xf_formats_.size());
    }
  }
  void end(std::string_view name) override {
    if (name == "cellXfs") in_cell_xfs_ = false;
  }
  void text(std::string_view /*chars*/) override {}
  [[nodiscard]] std::vector<bool> date_styles() const {
    std::vector<bool> dates;
    dates.reserve(xf_formats_.size());
    for (const std::uint32_t id : xf_formats_) {
      dates.push_back(date_format_id(id) || custom_dates_.contains(id));
    }
    return dates;
  }

 private:
  void check_count(std::size_t n) const {
    if (n > max_styles) {
      throw_corrupt(archive_.where(),
                    entry_ + ": more than " + std::to_string(max_styles) + " cell styles");
    }
  }
  const zip_archive& archive_;
  std::string entry_;
  bool in_cell_xfs_ = false;
  std::unordered_set<std::uint32_t> custom_dates_;
  std::vector<std::uint32_t> xf_formats_;
};

// --- xl/sharedStrings.xml -------------------------------------------------------------

class strings_handler final : public xml_handler {
 public:
  strings_handler(const zip_archive& archive, std::string entry, shared_strings& out)
      : archive_(archive), entry_(std::move(entry)), out_(out) {}
  void start(std::string_view name, const xml_attributes& /*a*/) override {
    if (name == "si") {
      in_si_ = true;
      text_.clear();
    } else if (name == "rPh") {
      in_phonetic_ = true;  // phonetic guides (furigana) are not the cell's text
    } else if (name == "t") {
      in_t_ = in_si_ && !in_phonetic_;
    }
  }
  void end(std::string_view name) override {
    if (name == "t") {
      in_t_ = false;
    } else if (name == "rPh") {
      in_phonetic_ = false;
    } else if (name == "si" && in_si_) {
      in_si_ = false;
      add();
    }
  }
  void text(std::string_view chars) override {
    if (!in_t_) return;
    if (text_.size() + chars.size() > archive_.caps().cell_bytes) {
      fail("shared string " + std::to_string(out_.size()) + " is longer than " +
           std::to_string(archive_.caps().cell_bytes) + " bytes");
    }
    text_ += chars;
  }

 private:
  void add() {
    const limits& caps = archive_.caps();
    if (out_.size() >= caps.shared_strings) {
      fail("more than " + std::to_string(caps.shared_strings) + " shared strings");
    }
    decode_escapes(text_);
    if (out_.bytes() + text_.size() > caps.shared_string_bytes) {
      fail("the shared strings hold more than " + std::to_string(caps.shared_string_bytes) +
           " bytes");
    }
    out_.add(text_);
  }
  [[noreturn]] void fail(const std::string& what) const {
    throw_corrupt(archive_.where(), entry_ + ": " + what);
  }
  const zip_archive& archive_;
  std::string entry_;
  shared_strings& out_;
  std::string text_;
  bool in_si_ = false;
  bool in_t_ = false;
  bool in_phonetic_ = false;
};

// --- the workbook ---------------------------------------------------------------------

std::string office_document(zip_archive& archive) {
  const relationships_handler root = read_relationships(archive, "");
  return root.target_of("officeDocument", "xl/workbook.xml");
}

void read_sheets(workbook_parts& parts, const std::string& workbook_entry,
                 const relationships_handler& rels) {
  workbook_handler wb(*parts.archive, workbook_entry);
  if (!parse_entry(*parts.archive, workbook_entry, wb)) {
    throw format_error((parts.archive->where().empty() ? "" : parts.archive->where() + ": ") +
                           "not an Excel workbook (.xlsx): the zip file has no " + workbook_entry,
                       parts.archive->where());
  }
  parts.date1904 = wb.date1904;
  for (sheet_entry& s : wb.sheets) {
    const auto r = rels.by_id.find(s.entry);
    if (r == rels.by_id.end()) {
      throw_corrupt(parts.archive->where(), workbook_entry + ": sheet '" + s.name +
                                                "' has no relationship '" + s.entry + "'");
    }
    s.entry = r->second.target;
    parts.names.push_back(s.name);
  }
  parts.sheets = std::move(wb.sheets);
}

}  // namespace

void shared_strings::add(std::string_view s) {
  starts_.push_back(text_.size());
  text_ += s;
}

std::string_view shared_strings::at(std::size_t i) const noexcept {
  const std::uint64_t b = starts_[i];
  const std::uint64_t e = i + 1 < starts_.size() ? starts_[i + 1] : text_.size();
  return std::string_view(text_).substr(b, e - b);
}

std::unique_ptr<workbook_parts> read_parts(std::unique_ptr<zip_archive> archive) {
  auto parts = std::make_unique<workbook_parts>();
  parts->archive = std::move(archive);
  zip_archive& zip = *parts->archive;
  const std::string workbook_entry = office_document(zip);
  const relationships_handler rels = read_relationships(zip, workbook_entry);
  read_sheets(*parts, workbook_entry, rels);
  const std::string dir = directory_of(workbook_entry);
  const std::string strings_entry = rels.target_of("sharedStrings", dir + "sharedStrings.xml");
  strings_handler strings(zip, strings_entry, parts->strings);
  parse_entry(zip, strings_entry, strings);
  const std::string styles_entry = rels.target_of("styles", dir + "styles.xml");
  styles_handler styles(zip, styles_entry);
  parse_entry(zip, styles_entry, styles);
  parts->date_styles = styles.date_styles();
  return parts;
}

bool date_format_id(std::uint32_t id) noexcept {
  return (id >= 14 && id <= 22) || (id >= 45 && id <= 47);
}

bool date_format_code(std::string_view code) noexcept {
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == '"') {
      const std::size_t close = code.find('"', i + 1);
      i = close == std::string_view::npos ? code.size() : close;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;  // the next character is shown as is (or is padding)
    } else if (c == '[') {
      const std::size_t close = code.find(']', i + 1);
      const std::string_view inside =
          code.substr(i + 1, (close == std::string_view::npos ? code.size() : close) - i - 1);
      // [h], [mm], [ss]: elapsed time; anything else is a colour, condition or locale.
      if (!inside.empty() && inside.find_first_not_of("hHmMsS") == std::string_view::npos) {
        return true;
      }
      i = close == std::string_view::npos ? code.size() : close;
    } else if (std::string_view("dDmMyYhHsS").find(c) != std::string_view::npos) {
      return true;
    }
  }
  return false;
}

}  // namespace goaltrack::detail::xlsx
