package nl.ontwikkelplein.importer;

import java.util.List;
import nl.ontwikkelplein.domain.PartnerImport.FeedLocation;
import nl.ontwikkelplein.domain.PartnerImport.FeedOffer;
import nl.ontwikkelplein.domain.PartnerImport.Problem;

/**
 * What a feed reader made of one feed, whatever its format: the places it names, its offers (their
 * sessions point at those places) and what it left out with the reason. A problem without an offer
 * id means part of the feed could not be read, so nothing is withdrawn.
 */
record FeedContent(List<FeedLocation> locations, List<FeedOffer> offers, List<Problem> problems) {
    FeedContent {
        locations = List.copyOf(locations);
        offers = List.copyOf(offers);
        problems = List.copyOf(problems);
    }

    static FeedContent unreadable(String reason) {
        return new FeedContent(List.of(), List.of(), List.of(new Problem("", 0, reason)));
    }
}
