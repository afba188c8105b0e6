package dev.arrears.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The files an operator deploys with, which nothing here can run (no Docker, no cluster): they
 * parse, their probes reach the management port, and no secret value is written in them.
 */
class DeployFilesTest {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(SECRET|TOKEN|PASSWORD|KEY).*");

    @Test
    void everyKubernetesManifestParsesAndNamesItsKind() throws IOException {
        List<JsonNode> documents = kubernetesDocuments();

        assertThat(documents).extracting(d -> d.path("kind").asText())
                .contains("Deployment", "PodDisruptionBudget", "Service");
        assertThat(documents).allSatisfy(d -> assertThat(d.path("apiVersion").asText()).isNotBlank());
    }

    @Test
    void theDeploymentRunsTwoReplicasWithProbesOnTheManagementPort() throws IOException {
        JsonNode deployment = only("Deployment");
        JsonNode container = deployment.at("/spec/template/spec/containers/0");
        int managementPort = managementPort();

        assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(2);
        assertThat(portNumber(container, "management")).isEqualTo(managementPort);
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            JsonNode get = container.path(probe).path("httpGet");
            assertThat(get.path("path").asText()).as(probe).startsWith("/q/health/");
            JsonNode port = get.path("port");
            int number = port.isInt() ? port.asInt() : portNumber(container, port.asText());
            assertThat(number).as("%s points at the management port", probe).isEqualTo(managementPort);
        }
        assertThat(container.at("/resources/requests/memory").asText()).isNotBlank();
        assertThat(only("PodDisruptionBudget").at("/spec/minAvailable").asInt()).isEqualTo(1);
    }

    @Test
    void noSecretValueIsWrittenInTheManifests() throws IOException {
        for (JsonNode d : kubernetesDocuments()) {
            assertThat(d.path("kind").asText()).as("a Secret belongs in the cluster, not in the repository").isNotEqualTo("Secret");
        }
        for (JsonNode env : only("Deployment").at("/spec/template/spec/containers/0/env")) {
            if (SECRET_NAME.matcher(env.path("name").asText()).matches()) {
                assertThat(env.has("value")).as("%s is given by reference", env.path("name").asText()).isFalse();
                assertThat(env.at("/valueFrom/secretKeyRef/name").asText()).isNotBlank();
            }
        }
    }

    @Test
    void theComposeFileParsesAndRunsTheDemoBesidePostgres() throws IOException {
        JsonNode compose = YAML.readTree(Path.of("docker-compose.yml").toFile());

        assertThat(compose.path("services").has("db")).isTrue();
        JsonNode arrears = compose.at("/services/arrears");
        assertThat(arrears.path("command").toString()).contains("demo");
        assertThat(arrears.at("/environment/QUARKUS_DATASOURCE_JDBC_URL").asText()).endsWith("/arrears_demo");
        assertThat(arrears.at("/build/dockerfile").asText()).isEqualTo("src/main/docker/Dockerfile.jvm");
        assertThat(Files.exists(Path.of(arrears.at("/build/dockerfile").asText()))).isTrue();
    }

    @Test
    void theImageStartsFromAJreRuntimePinnedByDigestAndRunsAsAnotherUserThanTheFilesOwner() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("src/main/docker/Dockerfile.jvm"));
        List<String> from = lines.stream().filter(l -> l.startsWith("FROM ")).toList();

        assertThat(from).singleElement().asString().matches("FROM [^ ]*jre[^ ]*@sha256:[0-9a-f]{64}");
        assertThat(lines).noneMatch(l -> l.contains("--chown"));
        assertThat(lines).anyMatch(l -> l.matches("USER [1-9][0-9]*"));
        assertThat(lines).anyMatch(l -> l.contains("a-w"));
    }

    @Test
    void theGrafanaDashboardParsesAndEveryPanelQueriesArrearsMetrics() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(Path.of("deploy/grafana/arrears.json").toFile());

        assertThat(dashboard.path("panels")).isNotEmpty();
        for (JsonNode panel : dashboard.path("panels")) {
            assertThat(panel.path("targets").toString()).as(panel.path("title").asText()).contains("arrears_");
        }
    }

    /** The management port the application listens on (application.properties), which the manifests must use. */
    private static int managementPort() throws IOException {
        Properties p = new Properties();
        try (var in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            p.load(in);
        }
        return Integer.parseInt(p.getProperty("quarkus.management.port"));
    }

    private static int portNumber(JsonNode container, String name) {
        for (JsonNode port : container.path("ports")) {
            if (port.path("name").asText().equals(name)) {
                return port.path("containerPort").asInt();
            }
        }
        throw new AssertionError("no container port named " + name);
    }

    private static JsonNode only(String kind) throws IOException {
        List<JsonNode> found = kubernetesDocuments().stream().filter(d -> d.path("kind").asText().equals(kind)).toList();
        assertThat(found).as(kind).hasSize(1);
        return found.get(0);
    }

    private static List<JsonNode> kubernetesDocuments() throws IOException {
        List<JsonNode> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("deploy/kubernetes"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                try (var parser = new YAMLFactory().createParser(f.toFile())) {
                    ObjectMapper mapper = JsonMapper.builder().build();
                    mapper.readValues(parser, JsonNode.class).forEachRemaining(d -> {
                        if (!d.isNull() && !d.isMissingNode()) {
                            all.add(d);
                        }
                    });
                }
            }
        }
        assertThat(all).as("deploy/kubernetes holds manifests").isNotEmpty();
        return all;
    }
}
