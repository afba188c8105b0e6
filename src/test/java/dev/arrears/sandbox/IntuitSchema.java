package dev.arrears.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Intuit's XSD data model read with plain DOM: for each complex type, the JSON member names it
 * allows (child elements, attributes, base types, groups, substitution groups; {@code value} for
 * simple content) and the type of each. {@link #check} lists the members of a JSON response that
 * the XSD does not know.
 */
final class IntuitSchema {

    private static final String XS = "http://www.w3.org/2001/XMLSchema";

    private record Type(String base, boolean simpleContent, Map<String, String> members) {
    }

    private final Map<String, Type> types = new HashMap<>();
    private final Map<String, Map<String, String>> groups = new HashMap<>();
    private final Map<String, String> globalElements = new HashMap<>();
    private final Map<String, List<String>> substitutions = new HashMap<>();

    static IntuitSchema load(Path dir) throws Exception {
        IntuitSchema s = new IntuitSchema();
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        List<Element> roots = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".xsd")).sorted().toList()) {
                roots.add(dbf.newDocumentBuilder().parse(f.toFile()).getDocumentElement());
            }
        }
        for (Element root : roots) {
            for (Element e : children(root, "element")) {
                s.globalElements.put(e.getAttribute("name"), local(e.getAttribute("type")));
                if (!e.getAttribute("substitutionGroup").isEmpty()) {
                    s.substitutions.computeIfAbsent(local(e.getAttribute("substitutionGroup")), k -> new ArrayList<>())
                            .add(e.getAttribute("name"));
                }
            }
            for (Element g : children(root, "group")) {
                Map<String, String> members = new LinkedHashMap<>();
                s.collect(g, members);
                s.groups.put(g.getAttribute("name"), members);
            }
        }
        for (Element root : roots) {
            for (Element ct : children(root, "complexType")) {
                String base = null;
                boolean simple = false;
                Map<String, String> members = new LinkedHashMap<>();
                NodeList ext = ct.getElementsByTagNameNS(XS, "extension");
                if (ext.getLength() > 0) {
                    Element x = (Element) ext.item(0);
                    simple = x.getParentNode().getLocalName().equals("simpleContent");
                    base = simple ? null : local(x.getAttribute("base"));
                }
                s.collect(ct, members);
                if (simple) {
                    members.put("value", "");
                }
                s.types.put(ct.getAttribute("name"), new Type(base, simple, members));
            }
        }
        return s;
    }

    private void collect(Element parent, Map<String, String> members) {
        NodeList all = parent.getElementsByTagNameNS(XS, "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            switch (e.getLocalName()) {
                case "element" -> {
                    if (!e.getAttribute("name").isEmpty()) {
                        members.put(e.getAttribute("name"), local(e.getAttribute("type")));
                    } else if (!e.getAttribute("ref").isEmpty()) {
                        String ref = local(e.getAttribute("ref"));
                        members.put(ref, globalElements.getOrDefault(ref, ""));
                        for (String sub : substitutions.getOrDefault(ref, List.of())) {
                            members.put(sub, globalElements.get(sub));
                        }
                    }
                }
                case "attribute" -> members.put(e.getAttribute("name"), "");
                case "group" -> {
                    if (!e.getAttribute("ref").isEmpty()) {
                        members.putAll(groups.getOrDefault(local(e.getAttribute("ref")), Map.of()));
                    }
                }
                default -> {
                }
            }
        }
    }

    private static List<Element> children(Element root, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && XS.equals(e.getNamespaceURI()) && e.getLocalName().equals(name)) {
                out.add(e);
            }
        }
        return out;
    }

    private static String local(String qname) {
        int colon = qname.indexOf(':');
        return colon < 0 ? qname : qname.substring(colon + 1);
    }

    boolean knowsType(String name) {
        return types.containsKey(name);
    }

    /** Member name → type, own members first, then the base types'. */
    Map<String, String> members(String type) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Type t = types.get(type); t != null; t = t.base() == null ? null : types.get(t.base())) {
            t.members().forEach(out::putIfAbsent);
        }
        return out;
    }

    /** JSON members the XSD type does not declare, as paths. */
    List<String> check(JsonNode json, String type) {
        List<String> unknown = new ArrayList<>();
        walk(json, type, type, unknown);
        return unknown;
    }

    private void walk(JsonNode json, String type, String path, List<String> unknown) {
        if (json.isArray()) {
            for (JsonNode item : json) {
                walk(item, type, path + "[]", unknown);
            }
            return;
        }
        if (!json.isObject() || !types.containsKey(type)) {
            return;
        }
        Map<String, String> members = members(type);
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!members.containsKey(f.getKey())) {
                unknown.add(path + "." + f.getKey() + " (not in XSD type " + type + ")");
            } else {
                walk(f.getValue(), members.get(f.getKey()), path + "." + f.getKey(), unknown);
            }
        }
    }
}
