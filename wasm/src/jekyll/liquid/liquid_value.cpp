#include "jekyll/liquid/liquid_value.h"

#include "text/decimal_text.h"


namespace draftmark {

bool LiquidValue::empty_for_default() const {
  switch (kind) {
    case Kind::kNil: return true;
    case Kind::kBool: return text == "false";
    case Kind::kString: return text.empty();
    case Kind::kList:
    case Kind::kMap: return node == nullptr || node->items.empty();
    default: return false;
  }
}

LiquidValue value_of(const YamlValue& node) {
  LiquidValue v;
  switch (node.kind) {
    case YamlValue::Kind::kNull: break;
    case YamlValue::Kind::kBool: v.kind = LiquidValue::Kind::kBool; v.text = node.text; break;
    case YamlValue::Kind::kInt:
    case YamlValue::Kind::kFloat: v.kind = LiquidValue::Kind::kNumber; v.text = node.text; break;
    case YamlValue::Kind::kString:
      v.kind = LiquidValue::Kind::kString;
      v.text = node.text;
      // A YAML timestamp is a Time in Ruby.
      if (!node.iso.empty() && parse_jekyll_date(node.text, v.date)) v.kind = LiquidValue::Kind::kDate;
      break;
    case YamlValue::Kind::kSequence: v.kind = LiquidValue::Kind::kList; v.node = &node; break;
    case YamlValue::Kind::kMapping: v.kind = LiquidValue::Kind::kMap; v.node = &node; break;
  }
  return v;
}

std::string format_ruby_time(const DateParts& d) {
  int zone = d.has_zone ? d.zone_minutes : 0;
  char sign = zone < 0 ? '-' : '+';
  if (zone < 0) zone = -zone;
  // "%04d-%02d-%02d %02d:%02d:%02d %c%02d%02d" without printf (several KB of libc formatting).
  std::string out;
  const int fields[] = {d.year, d.month, d.day, d.hour, d.minute, d.second};
  const char separators[] = "-- ::";
  for (int i = 0; i < 6; i++) {
    append_padded_int(out, fields[i], i == 0 ? 4 : 2, '0');
    if (i < 5) out += separators[i];
  }
  out += ' ';
  out += sign;
  append_padded_int(out, zone / 60, 2, '0');
  append_padded_int(out, zone % 60, 2, '0');
  return out;
}

void append_rendered(const LiquidValue& value, std::string& out) {
  switch (value.kind) {
    case LiquidValue::Kind::kNil: return;
    case LiquidValue::Kind::kDate: out += format_ruby_time(value.date); return;
    case LiquidValue::Kind::kList:
      // Liquid writes an array as its items joined with nothing.
      for (const YamlValue& item : value.node->items) {
        if (item.kind == YamlValue::Kind::kSequence || item.kind == YamlValue::Kind::kMapping) {
          append_json(item, out);  // nested: Ruby's inspect, approximated by JSON
        } else {
          append_rendered(value_of(item), out);
        }
      }
      return;
    case LiquidValue::Kind::kMap: append_json(*value.node, out); return;
    default: out += value.text; return;
  }
}

}  // namespace draftmark
