package io.scenery.vlm;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.scenery.events.DetectType;
import io.scenery.testing.KafkaTestResource;
import io.scenery.testing.PostgresTestResource;
import io.scenery.testing.ProjectLayout;
import io.scenery.vlm.detection.BoundingBox;
import io.scenery.vlm.detection.DecodedImage;
import io.scenery.vlm.detection.DetectedElement;
import io.scenery.vlm.detection.ElementDetector;
import io.scenery.vlm.detection.ElementSource;
import io.scenery.vlm.detection.ElementType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
class ElementDetectorTest {

    private static final double MIN_IOU = 0.5;

    @Inject
    ElementDetector detector;

    @Test
    void syntheticScreenControlsFoundAndTyped() throws Exception {
        SyntheticScreen screen = SyntheticScreen.render();
        List<DetectedElement> found = detect(screen.encode(".png"), DetectType.CONTROL);

        int matched = 0;
        int typed = 0;
        for (SyntheticScreen.ExpectedControl expected : screen.controls()) {
            Optional<DetectedElement> best = bestMatch(expected.box(), found);
            if (best.isPresent()) {
                matched++;
                if (best.get().type() == expected.type()) {
                    typed++;
                }
            }
        }
        int total = screen.controls().size();
        assertThat(matched).as("controls found with IoU >= %s out of %d", MIN_IOU, total)
                .isGreaterThanOrEqualTo((int) Math.ceil(0.8 * total));
        assertThat(typed).as("controls found and given the drawn type out of %d", total)
                .isGreaterThanOrEqualTo((int) Math.ceil(0.7 * total));
        assertThat(found).as("control results hold no text elements")
                .noneMatch(e -> e.type() == ElementType.TEXT);
        assertThat(found.size()).as("false positives are few").isLessThanOrEqualTo(total + 3);
    }

    @Test
    void syntheticScreenButtonsLabelledByOcr() throws Exception {
        SyntheticScreen screen = SyntheticScreen.render();
        List<DetectedElement> found = detect(screen.encode(".png"), DetectType.CONTROL);

        for (SyntheticScreen.ExpectedControl expected : screen.controls()) {
            if (expected.type() != ElementType.BUTTON) {
                continue;
            }
            Optional<DetectedElement> best = bestMatch(expected.box(), found);
            assertThat(best).as("button '%s'", expected.label()).isPresent();
            assertThat(best.get().label()).as("label of button '%s'", expected.label()).isEqualTo(expected.label());
        }
    }

    @Test
    void syntheticScreenCheckboxLabelledByNeighbour() throws Exception {
        SyntheticScreen screen = SyntheticScreen.render();
        List<DetectedElement> found = detect(screen.encode(".png"), DetectType.CONTROL);

        List<String> checkboxLabels = found.stream()
                .filter(e -> e.type() == ElementType.CHECKBOX)
                .map(DetectedElement::label)
                .toList();
        assertThat(checkboxLabels).contains("Remember me", "Send newsletter", "Accept terms");
    }

    @Test
    void syntheticScreenSwitchTyped() throws Exception {
        SyntheticScreen screen = SyntheticScreen.render();
        List<DetectedElement> found = detect(screen.encode(".png"), DetectType.CONTROL);

        SyntheticScreen.ExpectedControl toggle = screen.controls().stream()
                .filter(c -> c.type() == ElementType.SWITCH)
                .findFirst()
                .orElseThrow();
        Optional<DetectedElement> best = bestMatch(toggle.box(), found);
        assertThat(best).as("switch at %s among %s", toggle.box(), found).isPresent();
        assertThat(best.get().type()).isEqualTo(ElementType.SWITCH);
    }

    @ParameterizedTest(name = "on a card: {0}")
    @ValueSource(booleans = {false, true})
    void darkPageFieldsAreFieldsNotButtons(boolean card) throws Exception {
        SyntheticScreen screen = SyntheticScreen.renderDark(card);
        List<DetectedElement> found = detect(screen.encode(".png"), DetectType.CONTROL);

        for (SyntheticScreen.ExpectedControl expected : screen.controls()) {
            Optional<DetectedElement> best = bestMatch(expected.box(), found);
            assertThat(best).as("%s '%s' among %s", expected.type(), expected.label(), found).isPresent();
            assertThat(best.get().type()).as("type of '%s'", expected.label()).isEqualTo(expected.type());
            assertThat(best.get().label()).as("label of %s '%s'", expected.type(), expected.label())
                    .startsWith(expected.label().split(" ")[0]);
        }
        assertThat(found).as("a card that contains the form is no picture")
                .noneMatch(e -> e.type() == ElementType.IMAGE);
    }

    @Test
    void desktopTopPanelItemsAreButtonsAndIcons() throws Exception {
        SyntheticScreen screen = SyntheticScreen.renderDesktop();
        List<DetectedElement> found = detect(screen.encode(".png"), DetectType.CONTROL);

        for (SyntheticScreen.ExpectedControl expected : screen.controls()) {
            Optional<DetectedElement> best = bestMatch(expected.box(), found);
            assertThat(best).as("panel %s '%s' among %s", expected.type(), expected.label(), found).isPresent();
            assertThat(best.get().type()).as("type at %s", expected.box()).isEqualTo(expected.type());
            assertThat(best.get().label()).as("label at %s", expected.box()).isEqualTo(expected.label());
            assertThat(best.get().interactive()).isTrue();
            assertThat(best.get().box().bottom()).as("bottom at %s", expected.box()).isLessThanOrEqualTo(36);
        }
        assertThat(found).as("one element per panel item").hasSize(screen.controls().size());
    }

    @Test
    void syntheticScreenTextLinesRead() throws Exception {
        SyntheticScreen screen = SyntheticScreen.render();
        List<DetectedElement> found = detect(screen.encode(".jpg"), DetectType.TEXT);

        assertThat(found).allMatch(e -> e.type() == ElementType.TEXT && e.source() == ElementSource.OCR);
        assertThat(found).extracting(DetectedElement::label)
                .contains("Account settings", "Email", "Password", "Remember me", "Coupon");
        assertThat(found).as("no line starts with a checkbox read as a glyph")
                .noneMatch(e -> e.label().startsWith("口") || e.label().startsWith("O "));
    }

    @Test
    void allTypeCombinesControlsAndText() throws Exception {
        SyntheticScreen screen = SyntheticScreen.render();
        List<DetectedElement> found = detect(screen.encode(".png"), DetectType.ALL);

        assertThat(found).anyMatch(e -> e.type() == ElementType.BUTTON && "Sign in".equals(e.label()));
        assertThat(found).anyMatch(e -> e.type() == ElementType.TEXT && "Password".equals(e.label()));
        assertThat(found).as("a button's label is not repeated as a text element")
                .noneMatch(e -> e.type() == ElementType.TEXT && "Sign in".equals(e.label()));
    }

    @Test
    void dialogOverDimmedPageControlsFound() throws Exception {
        SyntheticScreen screen = SyntheticScreen.renderDialog();
        List<DetectedElement> found = detect(screen.encode(".png"), DetectType.CONTROL);

        for (SyntheticScreen.ExpectedControl expected : screen.controls()) {
            Optional<DetectedElement> best = bestMatch(expected.box(), found);
            assertThat(best).as("dialog %s at %s among %s", expected.type(), expected.box(), found).isPresent();
            if (expected.type() == ElementType.BUTTON || expected.type() == ElementType.RADIO) {
                assertThat(best.get().label()).as("label of dialog %s '%s'", expected.type(), expected.label())
                        .isEqualTo(expected.label());
            }
            if (expected.type() == ElementType.RADIO || expected.type() == ElementType.DROPDOWN) {
                assertThat(best.get().type()).as("type of dialog %s '%s'", expected.type(), expected.label())
                        .isEqualTo(expected.type());
            }
        }
        assertThat(found).as("everything found inside the dialog is one of its controls")
                .filteredOn(e -> SyntheticScreen.DIALOG.contains(e.box(), 0))
                .allMatch(e -> screen.controls().stream().anyMatch(c -> c.box().iou(e.box()) >= MIN_IOU));
    }

    @Test
    void dialogBesideLitPaneBlocksPage() throws Exception {
        SyntheticScreen screen = SyntheticScreen.renderDialog(true);
        List<DetectedElement> found = detect(screen.encode(".png"), DetectType.ALL);

        BoundingBox page = new BoundingBox(0, 0, SyntheticScreen.SIDE_PANE.x(), SyntheticScreen.HEIGHT);
        assertThat(found).as("dialog buttons among %s", found)
                .anyMatch(e -> "Create".equals(e.label()))
                .anyMatch(e -> "Cancel".equals(e.label()));
        assertThat(found).as("the side pane's button").anyMatch(e -> "Reload".equals(e.label()));
        assertThat(found).as("elements of the dimmed page behind the dialog")
                .filteredOn(e -> page.containsCenterOf(e.box()) && !SyntheticScreen.DIALOG.containsCenterOf(e.box()))
                .isEmpty();
    }

    @Test
    void searchFieldWithMagnifierIsInput() throws Exception {
        SyntheticScreen screen = SyntheticScreen.renderSearchField();
        List<DetectedElement> found = detect(screen.encode(".png"), DetectType.CONTROL);

        for (SyntheticScreen.ExpectedControl expected : screen.controls()) {
            Optional<DetectedElement> best = bestMatch(expected.box(), found);
            assertThat(best).as("%s at %s among %s", expected.type(), expected.box(), found).isPresent();
            assertThat(best.get().type()).as("type of the %s at %s", expected.type(), expected.box())
                    .isEqualTo(expected.type());
        }
    }

    @Test
    void captionBoxBlocksNothing() throws Exception {
        SyntheticScreen screen = SyntheticScreen.renderCaption();
        List<DetectedElement> found = detect(screen.encode(".png"), DetectType.ALL);

        assertThat(found).as("page text outside the caption among %s", found)
                .anyMatch(e -> !SyntheticScreen.DIALOG.containsCenterOf(e.box()) && e.label() != null
                        && e.label().contains("Printer"));
    }

    @Test
    void headerTabsAreReadUnderlineAndAll() throws Exception {
        SyntheticScreen screen = SyntheticScreen.renderHeader();
        List<DetectedElement> found = detect(screen.encode(".png"), DetectType.CONTROL);

        for (SyntheticScreen.ExpectedControl expected : screen.controls()) {
            Optional<DetectedElement> best = bestMatch(expected.box(), found);
            assertThat(best).as("tab '%s' among %s", expected.label(), found).isPresent();
            assertThat(best.get().type()).as("type of '%s'", expected.label()).isEqualTo(ElementType.BUTTON);
            assertThat(best.get().label()).isEqualTo(expected.label());
        }
    }

    @Test
    void buttonsSideBySideStayApart() throws Exception {
        SyntheticScreen screen = SyntheticScreen.renderButtonPair();
        List<DetectedElement> found = detect(screen.encode(".png"), DetectType.CONTROL);

        for (SyntheticScreen.ExpectedControl expected : screen.controls()) {
            Optional<DetectedElement> best = bestMatch(expected.box(), found);
            assertThat(best).as("%s '%s' among %s", expected.type(), expected.label(), found).isPresent();
            assertThat(best.get().type()).as("type at %s", expected.box()).isEqualTo(expected.type());
            assertThat(best.get().label()).as("label at %s", expected.box()).isEqualTo(expected.label());
        }
        assertThat(found).as("one element per button or icon").hasSize(screen.controls().size());
    }

    @Test
    void blueLinesAreLinksAndBadgesAreText() throws Exception {
        SyntheticScreen screen = SyntheticScreen.renderLinks();
        List<DetectedElement> found = detect(screen.encode(".png"), DetectType.CONTROL);

        for (SyntheticScreen.ExpectedControl expected : screen.controls()) {
            Optional<DetectedElement> best = bestMatch(expected.box(), found);
            assertThat(best).as("link '%s' among %s", expected.label(), found).isPresent();
            assertThat(best.get().type()).isEqualTo(ElementType.LINK);
            assertThat(best.get().label()).isEqualTo(expected.label());
            assertThat(best.get().interactive()).isTrue();
        }
        assertThat(found).as("the links only: no heading, sentence or badge").hasSize(screen.controls().size());
    }

    @ParameterizedTest(name = "desktop panel: {0}")
    @ValueSource(booleans = {false, true})
    void darkDialogHidesDimmedPageButNotLitPanel(boolean desktopPanel) throws Exception {
        SyntheticScreen screen = SyntheticScreen.renderDarkDialog(desktopPanel);
        List<DetectedElement> found = detect(screen.encode(".png"), DetectType.CONTROL);

        for (SyntheticScreen.ExpectedControl expected : screen.controls()) {
            Optional<DetectedElement> best = bestMatch(expected.box(), found);
            assertThat(best).as("%s '%s' among %s", expected.type(), expected.label(), found).isPresent();
            String lastWord = expected.label().substring(expected.label().lastIndexOf(' ') + 1);
            assertThat(best.get().label()).as("label of '%s'", expected.label()).endsWith(lastWord);
        }
        assertThat(found).as("nothing of the dimmed page behind the dialog")
                .allMatch(e -> SyntheticScreen.DARK_DIALOG.containsCenterOf(e.box())
                        || desktopPanel && "Activities".equals(e.label()));
    }

    @Test
    void photoDetailsAreNotIconsOnPhones() throws Exception {
        SyntheticScreen screen = SyntheticScreen.renderPhoto();
        List<DetectedElement> found = detect(screen.encode(".png"), DetectType.CONTROL);

        for (SyntheticScreen.ExpectedControl expected : screen.controls()) {
            assertThat(found).as("toolbar icon at %s among %s", expected.box(), found)
                    .anyMatch(e -> e.box().containsCenterOf(expected.box())
                            && !e.box().contains(SyntheticScreen.PHOTO, 0));
        }
        long smallSide = SyntheticScreen.PHONE_HEIGHT / 10;
        assertThat(found).as("small shapes inside the photo among %s", found)
                .filteredOn(e -> SyntheticScreen.PHOTO.containsCenterOf(e.box()))
                .noneMatch(e -> Math.max(e.box().width(), e.box().height()) <= smallSide);
    }

    @Test
    void scrollBarAndSideMarkIgnored() throws Exception {
        SyntheticScreen screen = SyntheticScreen.renderScrollBar();
        List<DetectedElement> found = detect(screen.encode(".png"), DetectType.ALL);

        assertThat(found).as("folder names among %s", found)
                .filteredOn(e -> e.label() != null && e.label().contains("Folder")).hasSizeGreaterThanOrEqualTo(4);
        assertThat(found).as("elements on the scroll thumb")
                .noneMatch(e -> SyntheticScreen.SCROLL_THUMB.containsCenterOf(e.box()));
        assertThat(found).as("elements on the shape cut by the left side")
                .noneMatch(e -> e.box().containsCenterOf(SyntheticScreen.SIDE_MARK));
    }

    @Test
    void androidScreenshotGivesSaneBoxCount() throws Exception {
        Path data = ProjectLayout.sharedData();
        assumeTrue(data != null, "shared test data is absent");
        Path screenshot = data.resolve("screenshots/android/screen_2017-08-11_155437.png");
        assumeTrue(Files.isRegularFile(screenshot), "screenshot is absent: " + screenshot);

        byte[] encoded = Files.readAllBytes(screenshot);
        List<DetectedElement> controls = detect(encoded, DetectType.CONTROL);
        List<DetectedElement> all = detect(encoded, DetectType.ALL);

        assertThat(controls).hasSizeBetween(3, 150);
        assertThat(all.size()).isGreaterThan(controls.size());
        BoundingBox image = new BoundingBox(0, 0, 1440, 2560);
        assertThat(all).allMatch(e -> image.contains(e.box(), 0), "every box lies inside the 1440x2560 image");
        assertThat(all).allMatch(e -> e.confidence() > 0 && e.confidence() <= 1, "confidence is in (0, 1]");
        assertThat(all).anyMatch(e -> e.label() != null && e.label().contains("English Quotes Collection"));
        assertThat(all).as("the last folder's name").anyMatch(e -> e.label() != null && e.label().contains("NOTA"));
    }

    @Test
    void androidPickerTilesAndFinishButton() throws Exception {
        Path data = ProjectLayout.sharedData();
        assumeTrue(data != null, "shared test data is absent");
        Path grid = data.resolve("screenshots/android/screen_2017-08-11_155649.png");
        Path viewer = data.resolve("screenshots/android/screen_2017-08-11_155553.png");
        assumeTrue(Files.isRegularFile(grid) && Files.isRegularFile(viewer), "screenshots are absent");

        List<DetectedElement> tiles = detect(Files.readAllBytes(grid), DetectType.CONTROL).stream()
                .filter(e -> e.type() == ElementType.IMAGE && e.box().width() > 600 && e.box().height() > 600)
                .toList();
        List<DetectedElement> toolbar = detect(Files.readAllBytes(viewer), DetectType.ALL);

        // The grid shows three full rows of two tiles, each with a selection badge. Several are white on white.
        assertThat(tiles).as("photo tiles").hasSizeGreaterThanOrEqualTo(6);
        assertThat(toolbar).as("the picker's finish button among %s", toolbar)
                .anyMatch(e -> e.type() == ElementType.BUTTON && e.label() != null && e.label().startsWith("FINISH")
                        && e.box().containsCenterOf(new BoundingBox(1042, 112, 398, 192)));
    }

    private List<DetectedElement> detect(byte[] encoded, DetectType detectType) throws Exception {
        try (DecodedImage image = DecodedImage.decode(encoded)) {
            return detector.detect(image, detectType);
        }
    }

    private static Optional<DetectedElement> bestMatch(BoundingBox expected, List<DetectedElement> found) {
        DetectedElement best = null;
        double bestIou = MIN_IOU;
        for (DetectedElement element : found) {
            double iou = element.box().iou(expected);
            if (iou >= bestIou) {
                best = element;
                bestIou = iou;
            }
        }
        return Optional.ofNullable(best);
    }
}
