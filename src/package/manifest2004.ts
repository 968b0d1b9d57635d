import type { ManifestMetadata } from '../content/manifest.ts';
import { isoDuration, parseDuration } from '../scorm/formats.ts';

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * The SCORM 2004 4th edition manifest, derived from the same metadata as the root
 * SCORM 1.2 manifest: one source for the course id, title, pass mark and time limit.
 */
export function scorm2004Manifest(meta: ManifestMetadata): string {
  const title = escapeXml(meta.title);
  const maxMs = meta.maxTimeAllowed ? parseDuration(meta.maxTimeAllowed) : null;
  const limit = maxMs ? `\n          <imsss:limitConditions attemptAbsoluteDurationLimit="${isoDuration(maxMs)}"/>` : '';
  const action = meta.timeLimitAction ? `\n        <adlcp:timeLimitAction>${escapeXml(meta.timeLimitAction)}</adlcp:timeLimitAction>` : '';
  const files = meta.files.map((f) => `\n      <file href="${escapeXml(f)}"/>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${escapeXml(meta.identifier)}" version="1.0"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd
                      http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd
                      http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd
                      http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd
                      http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="ORG-1">
    <organization identifier="ORG-1">
      <title>${title}</title>
      <item identifier="ITEM-1" identifierref="RES-1">
        <title>${title}</title>${action}
        <imsss:sequencing>${limit}
          <imsss:objectives>
            <imsss:primaryObjective objectiveID="PRIMARY-OBJ" satisfiedByMeasure="true">
              <imsss:minNormalizedMeasure>${meta.masteryScore / 100}</imsss:minNormalizedMeasure>
            </imsss:primaryObjective>
          </imsss:objectives>
          <imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>
        </imsss:sequencing>
      </item>
      <imsss:sequencing>
        <imsss:controlMode choice="true" flow="true"/>
      </imsss:sequencing>
    </organization>
  </organizations>
  <resources>
    <resource identifier="RES-1" type="webcontent" adlcp:scormType="sco" href="index.html">${files}
    </resource>
  </resources>
</manifest>
`;
}
