package nl.ontwikkelplein.web.workspace;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * The staff workspace's pages as HTML, from {@code site/templates/beheer} (precompiled, like the
 * public pages). Everything typed by staff or imported is escaped by jte. Thread-safe.
 */
public final class WorkspacePages {
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(
            null, ContentType.Html, WorkspacePages.class.getClassLoader(), "nl.ontwikkelplein.web.jte");

    public String signIn(SignInPage page) { return render("beheer/signIn.jte", page); }

    public String confirm(ConfirmPage page) { return render("beheer/confirm.jte", page); }

    public String message(MessagePage page) { return render("beheer/message.jte", page); }

    public String offers(OffersPage page) { return render("beheer/offers.jte", page); }

    public String offerForm(OfferFormPage page) { return render("beheer/offerForm.jte", page); }

    public String offer(OfferOverviewPage page) { return render("beheer/offer.jte", page); }

    public String datesForm(DatesFormPage page) { return render("beheer/datesForm.jte", page); }

    public String dateEdit(DateEditPage page) { return render("beheer/dateEdit.jte", page); }

    public String participants(ParticipantsPage page) { return render("beheer/participants.jte", page); }

    public String admin(AdminPage page) { return render("beheer/admin.jte", page); }

    public String callList(CallListPage page) { return render("beheer/callList.jte", page); }

    public String referrals(ReferralsPage page) { return render("beheer/referrals.jte", page); }

    public String referralForm(ReferralFormPage page) { return render("beheer/referralForm.jte", page); }

    private static String render(String template, Object page) {
        StringOutput out = new StringOutput(8192);
        ENGINE.render(template, page, out);
        return out.toString();
    }
}
