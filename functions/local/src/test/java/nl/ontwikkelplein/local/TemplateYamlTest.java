package nl.ontwikkelplein.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TemplateYamlTest {

    private static final String YAML = """
            A: !Ref CatalogTable
            B: !GetAtt CatalogTable.StreamArn
            C: !Sub '${CatalogTable.Arn}/index/*'
            D: [!GetAtt T.Arn, !Sub 'x']
            E: !GetAtt Fn.FunctionMetadata.FunctionARN
            F: !Join [',', [a, !Ref P]]
            G: {Ref: Long}
            H: 90
            I: true
            J: plain
            """;

    @Test
    void jacksonTreeReaderDropsTheTags() throws IOException {
        // Why TemplateYaml exists: the plain tree cannot tell !Ref X from the string X.
        JsonNode plain = new ObjectMapper(new YAMLFactory()).readTree(YAML);
        assertEquals("CatalogTable", plain.get("A").asText());
        assertEquals("CatalogTable.StreamArn", plain.get("B").asText());
    }

    @Test
    void shortFormTagsBecomeTheLongForm() throws IOException {
        JsonNode tree = TemplateYaml.read(new StringReader(YAML));
        assertEquals("{\"Ref\":\"CatalogTable\"}", tree.get("A").toString());
        assertEquals("{\"Fn::GetAtt\":[\"CatalogTable\",\"StreamArn\"]}", tree.get("B").toString());
        assertEquals("{\"Fn::Sub\":\"${CatalogTable.Arn}/index/*\"}", tree.get("C").toString());
        assertEquals("[{\"Fn::GetAtt\":[\"T\",\"Arn\"]},{\"Fn::Sub\":\"x\"}]", tree.get("D").toString());
        assertEquals("{\"Fn::GetAtt\":[\"Fn\",\"FunctionMetadata.FunctionARN\"]}", tree.get("E").toString());
        assertEquals("{\"Fn::Join\":[\",\",[\"a\",{\"Ref\":\"P\"}]]}", tree.get("F").toString());
        assertEquals("{\"Ref\":\"Long\"}", tree.get("G").toString());
        assertEquals(90, tree.get("H").asInt());
        assertEquals(true, tree.get("I").asBoolean());
        assertEquals("plain", tree.get("J").asText());
    }

    @Test
    void unknownTagsAreRefused() {
        IOException error = assertThrows(IOException.class, () -> TemplateYaml.read(new StringReader("A: !Reff X\n")));
        assertEquals(true, error.getMessage().contains("!Reff"));
    }
}
