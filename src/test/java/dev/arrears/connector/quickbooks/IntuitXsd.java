package dev.arrears.connector.quickbooks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arrears.connector.ProviderDocuments;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Intuit's XSD data model (src/test/resources/apis/quickbooks/xsd) read with plain DOM: per complex type, the
 * member names JSON may use (elements, inherited ones through complexContent extension, and
 * attributes, which JSON writes as plain members) and the elements the schema requires. Used to
 * check every body the connector sends.
 */
final class IntuitXsd {

    private static final String XS = "http://www.w3.org/2001/XMLSchema";
    private static IntuitXsd loaded;

    private final Map<String, Element> complexTypes = new HashMap<>();
    private final Map<String, Element> groups = new HashMap<>();
    private final Map<String, Element> globalElements = new HashMap<>();
    private final Map<String, TypeInfo> resolved = new HashMap<>();

    /** Members of one type; {@code open} when it admits anything ({@code xs:any}). */
    record TypeInfo(Map<String, String> elements, Set<String> required, Set<String> attributes, boolean simpleContent,
                    boolean open) {
    }

    static synchronized IntuitXsd load() {
        if (loaded == null) {
            loaded = new IntuitXsd(findXsdFolder());
        }
        return loaded;
    }

    /** Intuit's XSDs, copied into src/test/resources/apis/quickbooks/xsd with their licence. */
    static Path findXsdFolder() {
        return ProviderDocuments.path("quickbooks/xsd");
    }

    private IntuitXsd(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            for (Path file : files.filter(f -> f.toString().endsWith(".xsd")).toList()) {
                Element root = factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
                for (Element child : children(root)) {
                    String name = child.getAttribute("name");
                    switch (child.getLocalName()) {
                        case "complexType" -> complexTypes.put(name, child);
                        case "group" -> groups.put(name, child);
                        case "element" -> globalElements.put(name, child);
                        default -> { }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the XSD in " + folder, e);
        }
    }

    boolean knows(String type) {
        return complexTypes.containsKey(type);
    }

    TypeInfo type(String name) {
        TypeInfo info = resolved.get(name);
        if (info == null) {
            Element type = complexTypes.get(name);
            if (type == null) {
                throw new IllegalArgumentException("no complex type " + name + " in the XSD");
            }
            Builder builder = new Builder();
            collect(type, builder, true);
            info = new TypeInfo(Map.copyOf(builder.elements), Set.copyOf(builder.required), Set.copyOf(builder.attributes),
                    builder.simpleContent, builder.open);
            resolved.put(name, info);
        }
        return info;
    }

    /** Every problem of {@code body} read as {@code typeName}: unknown members, missing required ones, wrong shapes. */
    List<String> violations(String typeName, JsonNode body) {
        List<String> problems = new ArrayList<>();
        check(typeName, body, typeName, problems);
        return problems;
    }

    private void check(String typeName, JsonNode node, String path, List<String> problems) {
        if (node.isArray()) {
            int i = 0;
            for (JsonNode item : node) {
                check(typeName, item, path + "[" + i++ + "]", problems);
            }
            return;
        }
        if (!complexTypes.containsKey(typeName)) {
            if (node.isContainerNode()) {
                problems.add(path + " must be a plain value (" + typeName + "), was " + node);
            }
            return;
        }
        TypeInfo info = type(typeName);
        if (info.open()) {
            return;
        }
        if (info.simpleContent() && node.isValueNode()) {
            return;
        }
        if (!node.isObject()) {
            problems.add(path + " must be an object (" + typeName + "), was " + node);
            return;
        }
        for (var it = node.fields(); it.hasNext(); ) {
            var field = it.next();
            String name = field.getKey();
            if (info.elements().containsKey(name)) {
                check(info.elements().get(name), field.getValue(), path + "." + name, problems);
            } else if (info.attributes().contains(name) || (info.simpleContent() && name.equals("value"))) {
                if (field.getValue().isContainerNode()) {
                    problems.add(path + "." + name + " must be a plain value");
                }
            } else {
                problems.add(path + "." + name + " is not a member of " + typeName + " in Intuit's XSD");
            }
        }
        for (String required : info.required()) {
            if (!node.has(required)) {
                problems.add(path + "." + required + " is required by Intuit's XSD but missing");
            }
        }
    }

    private void collect(Element node, Builder builder, boolean requiredContext) {
        for (Element child : children(node)) {
            switch (child.getLocalName()) {
                case "sequence", "all" -> collect(child, builder, requiredContext && !optional(child));
                case "choice" -> collect(child, builder, false);
                case "group" -> {
                    Element group = groups.get(local(child.getAttribute("ref")));
                    if (group != null) {
                        collect(group, builder, requiredContext && !optional(child));
                    }
                }
                case "complexContent" -> collect(child, builder, requiredContext);
                case "simpleContent" -> {
                    builder.simpleContent = true;
                    collect(child, builder, requiredContext);
                }
                case "extension", "restriction" -> {
                    String base = local(child.getAttribute("base"));
                    if (complexTypes.containsKey(base)) {
                        TypeInfo inherited = type(base);
                        builder.elements.putAll(inherited.elements());
                        builder.required.addAll(inherited.required());
                        builder.attributes.addAll(inherited.attributes());
                        builder.simpleContent |= inherited.simpleContent();
                        builder.open |= inherited.open();
                    }
                    collect(child, builder, requiredContext);
                }
                case "element" -> {
                    String name = child.getAttribute("name");
                    String type = child.getAttribute("type");
                    if (name.isEmpty()) {
                        name = local(child.getAttribute("ref"));
                        Element global = globalElements.get(name);
                        type = global == null ? "" : global.getAttribute("type");
                    }
                    builder.elements.put(name, local(type));
                    if (requiredContext && !optional(child)) {
                        builder.required.add(name);
                    }
                }
                case "attribute" -> builder.attributes.add(child.getAttribute("name"));
                case "any" -> builder.open = true;
                default -> { }
            }
        }
    }

    private static boolean optional(Element element) {
        return "0".equals(element.getAttribute("minOccurs"));
    }

    private static String local(String qname) {
        int colon = qname.indexOf(':');
        return colon < 0 ? qname : (qname.startsWith("xs:") ? qname : qname.substring(colon + 1));
    }

    private static List<Element> children(Element parent) {
        List<Element> list = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && XS.equals(e.getNamespaceURI())) {
                list.add(e);
            }
        }
        return list;
    }

    private static final class Builder {
        final Map<String, String> elements = new LinkedHashMap<>();
        final Set<String> required = new LinkedHashSet<>();
        final Set<String> attributes = new LinkedHashSet<>();
        boolean simpleContent;
        boolean open;
    }
}
