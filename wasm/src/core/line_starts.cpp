#include "core/line_starts.h"

#include <algorithm>
#include <cstring>

namespace draftmark {

void LineStarts::assign(std::string_view text) {
  size_ = text.size();
  starts_.assign(1, 0);
  const char* data = text.data();
  for (const char* p = data, *end = data + text.size();
       (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p)))) != nullptr;) {
    starts_.push_back(static_cast<size_t>(++p - data));
  }
}

void LineStarts::edit(size_t offset, size_t removed, std::string_view inserted) {
  const auto lo = static_cast<std::ptrdiff_t>(line_of(offset));            // first start after offset
  const auto hi = static_cast<std::ptrdiff_t>(line_of(offset + removed));  // first start after the removed bytes
  for (auto i = static_cast<size_t>(hi); i < starts_.size(); i++) starts_[i] = starts_[i] - removed + inserted.size();
  // The inserted line starts replace the removed ones in one move of the tail (a paste of
  // many lines stays linear).
  std::vector<size_t> added;
  for (size_t j = 0; j < inserted.size(); j++) {
    if (inserted[j] == '\n') added.push_back(offset + j + 1);
  }
  const auto common = std::min<std::ptrdiff_t>(hi - lo, static_cast<std::ptrdiff_t>(added.size()));
  std::copy(added.begin(), added.begin() + common, starts_.begin() + lo);
  if (hi - lo > common) {
    starts_.erase(starts_.begin() + lo + common, starts_.begin() + hi);
  } else {
    starts_.insert(starts_.begin() + hi, added.begin() + common, added.end());
  }
  size_ = size_ - removed + inserted.size();
}

uint32_t LineStarts::line_of(size_t offset) const {
  return static_cast<uint32_t>(std::upper_bound(starts_.begin(), starts_.end(), offset) - starts_.begin());
}

uint32_t LineStarts::count() const {
  size_t n = starts_.size();
  if (n > 1 && starts_.back() == size_) n--;
  return static_cast<uint32_t>(n);
}

size_t LineStarts::begin(uint32_t line) const { return line - 1u < starts_.size() ? starts_[line - 1u] : size_; }

}  // namespace draftmark
