package nl.ontwikkelplein.sitebuilder;

import java.util.Map;

/** Offer pages a site build hands on to be published elsewhere, side by side: offer id → its lists ({@link Listings}). */
public interface OfferPageJobs {
    /**
     * @param listedAt the moment (epoch ms) of the catalog read that found these lists
     * @throws RuntimeException when they could not be handed on, so the batch is tried again
     */
    void send(Map<String, String> listsByOffer, long listedAt);
}
