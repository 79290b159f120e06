package org.labelbridge.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A command's arguments: {@code --name value}, {@code --name=value} and {@code --flag} options
 * among positional ones. Only the command's declared {@link Flag}s are accepted; {@code --help}
 * or {@code -h} in an option's place asks for the command's usage.
 */
final class Arguments {

    private final Map<String, List<String>> options = new LinkedHashMap<>();
    private final List<String> positional = new ArrayList<>();
    private boolean help;

    static Arguments parse(String[] args, int from, List<Flag> accepted) throws UsageException {
        Map<String, Flag> flags = new LinkedHashMap<>();
        accepted.forEach(flag -> flags.put(flag.name(), flag));
        Arguments a = new Arguments();
        // The first mistake is thrown at the end, so that --help anywhere still gets the usage.
        String mistake = null;
        for (int i = from; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                a.help = true;
                return a;
            }
            if (!arg.startsWith("--") || arg.length() == 2) {
                a.positional.add(arg);
                continue;
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            Flag flag = flags.get(name);
            if (flag == null) {
                mistake = mistake != null ? mistake : "unknown option --" + name;
                continue;
            }
            if (!flag.takesValue()) {
                if (value != null) {
                    mistake = mistake != null ? mistake : "--" + name + " takes no value, got '" + arg + "'";
                }
                value = "true";
            } else if (value == null) {
                if (i + 1 >= args.length) {
                    mistake = mistake != null ? mistake : "--" + name + " needs a value: " + flag.form();
                    break;
                }
                value = args[++i];
            }
            a.options.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        if (mistake != null) {
            throw new UsageException(mistake);
        }
        return a;
    }

    /** {@code --help} or {@code -h} was given. */
    boolean help() {
        return help;
    }

    String single(String name) throws UsageException {
        List<String> values = options.getOrDefault(name, List.of());
        if (values.size() > 1) {
            throw new UsageException("--" + name + " given more than once");
        }
        return values.isEmpty() ? null : values.get(0);
    }

    List<String> all(String name) {
        return options.getOrDefault(name, List.of());
    }

    boolean flag(String name) {
        return options.containsKey(name);
    }

    List<String> positional() {
        return positional;
    }
}
