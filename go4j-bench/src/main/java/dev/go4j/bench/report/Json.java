package dev.go4j.bench.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON value, and a small parser for the files JMH writes with {@code -rf json}. Only what those files need:
 * objects, arrays, strings with the usual escapes, numbers (JMH also writes the bare words {@code NaN} and
 * {@code Infinity} in some versions, and quoted {@code "NaN"} in others; both are read as numbers by
 * {@link #number()}), booleans and null.
 */
sealed interface Json {
    record Obj(Map<String, Json> fields) implements Json {
        /** The field {@code name}, or {@link Null} if absent. */
        Json get(String name) {
            Json value = fields.get(name);
            return value == null ? Null.NULL : value;
        }
    }

    record Arr(List<Json> items) implements Json {
    }

    record Str(String value) implements Json {
    }

    record Num(double value) implements Json {
    }

    record Bool(boolean value) implements Json {
    }

    enum Null implements Json {
        NULL
    }

    /** This value as an object; an absent or non-object value gives an empty object. */
    default Obj obj() {
        return this instanceof Obj o ? o : new Obj(Map.of());
    }

    /** This value as an array; anything else gives an empty array. */
    default List<Json> arr() {
        return this instanceof Arr a ? a.items() : List.of();
    }

    /** This value as text: a string's value, a number's or boolean's text, or null. */
    default String str() {
        return switch (this) {
            case Str s -> s.value();
            case Num n -> Double.toString(n.value());
            case Bool b -> Boolean.toString(b.value());
            default -> null;
        };
    }

    /** This value as a number: a number, or a string holding one ("NaN" included); NaN for anything else. */
    default double number() {
        return switch (this) {
            case Num n -> n.value();
            case Str s -> {
                try {
                    yield Double.parseDouble(s.value());
                } catch (NumberFormatException e) {
                    yield Double.NaN;
                }
            }
            default -> Double.NaN;
        };
    }

    /** Parses one JSON document. */
    static Json parse(String text) {
        var parser = new Parser(text);
        Json value = parser.value();
        parser.skipSpace();
        if (parser.pos != text.length()) {
            throw parser.error("text after the JSON value");
        }
        return value;
    }

    /** A recursive-descent parser over one string. */
    final class Parser {
        private final String text;
        private int pos;

        private Parser(String text) {
            this.text = text;
        }

        private Json value() {
            skipSpace();
            if (pos >= text.length()) {
                throw error("unexpected end");
            }
            char c = text.charAt(pos);
            return switch (c) {
                case '{' -> object();
                case '[' -> array();
                case '"' -> new Str(string());
                case 't' -> word("true", new Bool(true));
                case 'f' -> word("false", new Bool(false));
                case 'n' -> word("null", Null.NULL);
                case 'N' -> word("NaN", new Num(Double.NaN));
                case 'I' -> word("Infinity", new Num(Double.POSITIVE_INFINITY));
                default -> number();
            };
        }

        private Json object() {
            pos++; // {
            Map<String, Json> fields = new LinkedHashMap<>();
            skipSpace();
            if (peek() == '}') {
                pos++;
                return new Obj(fields);
            }
            while (true) {
                skipSpace();
                if (peek() != '"') {
                    throw error("expected a field name");
                }
                String name = string();
                skipSpace();
                expect(':');
                fields.put(name, value());
                skipSpace();
                if (peek() == ',') {
                    pos++;
                } else {
                    expect('}');
                    return new Obj(Collections.unmodifiableMap(fields));
                }
            }
        }

        private Json array() {
            pos++; // [
            List<Json> items = new ArrayList<>();
            skipSpace();
            if (peek() == ']') {
                pos++;
                return new Arr(items);
            }
            while (true) {
                items.add(value());
                skipSpace();
                if (peek() == ',') {
                    pos++;
                } else {
                    expect(']');
                    return new Arr(Collections.unmodifiableList(items));
                }
            }
        }

        private String string() {
            pos++; // opening quote
            var out = new StringBuilder();
            while (true) {
                if (pos >= text.length()) {
                    throw error("unterminated string");
                }
                char c = text.charAt(pos++);
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char e = text.charAt(pos++);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                        pos += 4;
                    }
                    default -> out.append(e); // \" \\ \/
                }
            }
        }

        private Json number() {
            int start = pos;
            while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
            if (start == pos) {
                throw error("unexpected character '" + text.charAt(pos) + "'");
            }
            return new Num(Double.parseDouble(text.substring(start, pos)));
        }

        private Json word(String word, Json value) {
            if (!text.startsWith(word, pos)) {
                throw error("expected " + word);
            }
            pos += word.length();
            return value;
        }

        private void expect(char c) {
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }

        private char peek() {
            return pos < text.length() ? text.charAt(pos) : '\0';
        }

        void skipSpace() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        IllegalArgumentException error(String what) {
            return new IllegalArgumentException("JSON: " + what + " at offset " + pos);
        }
    }
}
