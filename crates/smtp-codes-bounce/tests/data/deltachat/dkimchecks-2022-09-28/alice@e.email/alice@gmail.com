From: <alice@gmail.com>
To: <alice@e.email>
Authentication-Results: mail2.ecloud.global;
	dkim=pass header.d=gmail.com header.s=20210112 header.b=f2AxVaaA;
	dmarc=pass (policy=none) header.from=gmail.com;
	spf=pass (mail2.ecloud.global: domain of alice@gmail.com designates 2a00:1450:4864:20::443 as permitted sender) smtp.mailfrom=alice@gmail.com
