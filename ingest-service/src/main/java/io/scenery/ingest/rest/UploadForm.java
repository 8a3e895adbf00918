package io.scenery.ingest.rest;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** The multipart/form-data parts of an upload. Numbers arrive as text so that a bad value gets a clear error. */
public class UploadForm {

    @RestForm("file")
    @Schema(type = SchemaType.STRING, format = "binary", required = true,
            description = "The video: MP4/MOV/3GP, Matroska/WebM, AVI, GIF, MPEG-TS, FLV, Ogg or MPEG-PS")
    public FileUpload file;

    @RestForm
    @Schema(description = "Comma-separated analyses to run: control, text or all", defaultValue = "control",
            example = "control,text")
    public String detectTypes;

    @RestForm
    @Schema(type = SchemaType.NUMBER, description = "Scene cut threshold: the mean absolute difference, on the"
            + " 0-255 scale, between the settled picture after a change and the current scene's keyframe; 0.1 to 255;"
            + " the slicer's default when absent")
    public String threshold;

    @RestForm
    @Schema(type = SchemaType.NUMBER, description = "Shortest scene kept, in seconds; 0 to 3600; the slicer's"
            + " default when absent")
    public String minSceneSeconds;

    @RestForm
    @Schema(type = SchemaType.NUMBER, description = "Fraction of the frame, 0 to 1, that must change against the"
            + " previous frame for the frame to count as moving; smaller changes such as the cursor or a caret are"
            + " ignored; the slicer's default when absent")
    public String minChangedArea;

    @RestForm
    @Schema(type = SchemaType.NUMBER, description = "Fraction of the frame, 0 to 1, that must differ between the"
            + " settled picture after a change and the current scene's keyframe for a new scene; the slicer's"
            + " default when absent")
    public String minSceneArea;

    @RestForm
    @Schema(type = SchemaType.INTEGER, description = "Consecutive still frames that end a change, 1 to 300; the last"
            + " of them becomes the scene's keyframe; the slicer's default when absent")
    public String settleFrames;
}
