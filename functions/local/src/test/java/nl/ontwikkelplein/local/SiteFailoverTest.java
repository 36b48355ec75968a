package nl.ontwikkelplein.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading the distribution's failover for missing pages out of a template. */
class SiteFailoverTest {

    private static final String API = """
              Api:
                Type: AWS::Serverless::HttpApi
            """;

    private static JsonNode resources(String yaml) throws IOException {
        return TemplateYaml.read(new StringReader("Resources:\n" + yaml)).path("Resources");
    }

    private static String distribution(String secondaryDomain, String originPath, String target) {
        return """
                  Cdn:
                    Type: AWS::CloudFront::Distribution
                    Properties:
                      DistributionConfig:
                        Origins:
                          - Id: site
                            DomainName: !GetAtt Bucket.RegionalDomainName
                          - Id: fallback
                            DomainName: %s
                            OriginPath: %s
                        OriginGroups:
                          Quantity: 1
                          Items:
                            - Id: group
                              FailoverCriteria: {StatusCodes: {Quantity: 2, Items: [403, 404]}}
                              Members: {Quantity: 2, Items: [{OriginId: site}, {OriginId: fallback}]}
                        DefaultCacheBehavior: {TargetOriginId: %s}
                """.formatted(secondaryDomain, originPath, target);
    }

    @Test
    void theRealTemplateSendsMissingPagesToTheApisNotFoundRoute() throws IOException {
        SiteFailover failover = SamTemplate.load(TestStack.realTemplate(), Map.of()).siteFailover().orElseThrow();
        assertEquals(Set.of(403, 404), failover.statusCodes());
        assertEquals("/api/not-found/aanbod/oud/index.html", failover.apiPath(SiteFiles.indexRule("/aanbod/oud/")));
        // ...and the template has a route there, so the failover is answered by a function.
        var routes = new ApiRoutes(SamTemplate.load(TestStack.realTemplate(), Map.of()).routes());
        assertEquals("PublicApiFunction", routes.match("GET", failover.apiPath("/x/index.html")).orElseThrow().route().functionId());
    }

    @Test
    void anOriginGroupTowardsTheHttpApiIsRead() throws IOException {
        SiteFailover failover = SiteFailover.read(resources(API
                + distribution("!Sub '${Api}.execute-api.${AWS::Region}.${AWS::URLSuffix}'", "/api/missing", "group"))).orElseThrow();
        assertEquals(Set.of(403, 404), failover.statusCodes());
        assertEquals("/api/missing/a/index.html", failover.apiPath("/a/index.html"));
    }

    @Test
    void aPlainOriginOrNoDistributionHasNoFailover() throws IOException {
        assertEquals(Optional.empty(), SiteFailover.read(resources(API
                + distribution("!Sub '${Api}.execute-api.${AWS::Region}.${AWS::URLSuffix}'", "/api/missing", "site"))));
        assertEquals(Optional.empty(), SiteFailover.read(resources(API)));
    }

    @Test
    void aFailoverOriginWithoutLocalCounterpartIsRefused() throws IOException {
        var otherHost = resources(API + distribution("example.org", "/errors", "group"));
        var e = assertThrows(IllegalArgumentException.class, () -> SiteFailover.read(otherHost));
        assertTrue(e.getMessage().contains("no local counterpart"), e.getMessage());
        var badPath = resources(API + distribution("!Sub '${Api}.execute-api.${AWS::Region}.${AWS::URLSuffix}'", "/api/missing/", "group"));
        assertThrows(IllegalArgumentException.class, () -> SiteFailover.read(badPath));
    }

    @Test
    void theIndexRuleIsTheCloudFrontFunctions() {
        assertEquals("/index.html", SiteFiles.indexRule("/"));
        assertEquals("/aanbod/x/index.html", SiteFiles.indexRule("/aanbod/x/"));
        assertEquals("/aanbod/x/index.html", SiteFiles.indexRule("/aanbod/x"));
        assertEquals("/assets/site.css", SiteFiles.indexRule("/assets/site.css"));
    }
}
